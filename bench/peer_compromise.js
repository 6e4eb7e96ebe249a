// The peer: compromise extracting people, places, organizations and
// numbers from every file of a folder.  Usage: node peer_compromise.js
// PATH/TO/compromise DIR
const fs = require('fs');
const path = require('path');
// compromise 14 is an ES module: require() gives its namespace.
const peer = require(process.argv[2]);
const nlp = typeof peer === 'function' ? peer : peer.default;
function walk(dir) {
  for (const name of fs.readdirSync(dir).sort()) {
    const p = path.join(dir, name);
    if (fs.statSync(p).isDirectory()) walk(p);
    else {
      const doc = nlp(fs.readFileSync(p, 'utf8'));
      const out = {people: doc.people().out('array'), places: doc.places().out('array'),
                   orgs: doc.organizations().out('array'), numbers: doc.numbers().out('array')};
      process.stdout.write(JSON.stringify(out) + '\n');
    }
  }
}
walk(process.argv[3]);
