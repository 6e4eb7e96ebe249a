/* Worker threads with ordered results.  Jobs get consecutive sequence
 * numbers and live in a ring of `window` slots; workers take them in
 * order, and the main thread consumes them in order, so the output is the
 * same for any number of workers.  The main thread submits only while the
 * ring has room: a slow job holds back at most window - 1 finished ones,
 * which bounds memory however many inputs there are.
 *
 * The main thread may also wait for the oldest job and for more input at
 * once (pool_wait): the worker that finishes the oldest job then writes a
 * byte to a pipe that the main thread polls next to the input.
 *
 * Rather than sleep while the oldest job runs, the main thread takes the
 * next job itself (pool_run_one): with n workers, n + 1 threads work, and
 * with none, the main thread does everything without a hand-off. */
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"

struct pool {
    pthread_mutex_t lock;
    pthread_cond_t work;        /* a job was queued, or stop */
    pthread_cond_t done;        /* a job finished */
    job *slots;
    size_t window;
    size_t next_submit, next_take, next_pop;   /* sequence numbers */
    int stop;
    int wake[2];                /* pipe: read end polled by pool_wait */
    int waiting;                /* the main thread is in pool_wait */
    job_fn fn;
    void *ctx;
    pthread_t *threads;
    size_t n_threads;
};

/* The next job no thread has started, or NULL; jobs queued as done (an
 * error to report in order) are passed over.  Called with the lock held. */
static job *take(pool *p)
{
    while (p->next_take != p->next_submit) {
        job *j = &p->slots[p->next_take++ % p->window];
        if (!j->done)
            return j;
    }
    return NULL;
}

/* Run j outside the lock, mark it done, and wake the main thread if it
 * waits for it.  Called with the lock held; returns with it held. */
static void run_job(pool *p, job *j)
{
    pthread_mutex_unlock(&p->lock);
    p->fn(p->ctx, j);
    pthread_mutex_lock(&p->lock);
    j->done = 1;
    pthread_cond_broadcast(&p->done);
    if (p->waiting && j == &p->slots[p->next_pop % p->window]) {
        char c = 0;
        if (write(p->wake[1], &c, 1) < 0) {
            /* full (EAGAIN): a wake-up is already pending */
        }
    }
}

static void *worker(void *arg)
{
    pool *p = arg;
    job *j = NULL;
    pthread_mutex_lock(&p->lock);
    for (;;) {
        while (!p->stop && !(j = take(p)))
            pthread_cond_wait(&p->work, &p->lock);
        if (p->stop)
            break;
        run_job(p, j);
    }
    pthread_mutex_unlock(&p->lock);
    return NULL;
}

pool *pool_new(size_t workers, size_t window, job_fn fn, void *ctx)
{
    pool *p = calloc(1, sizeof *p);
    if (!p)
        return NULL;
    p->window = window;
    p->fn = fn;
    p->ctx = ctx;
    p->wake[0] = p->wake[1] = -1;
    p->slots = calloc(window, sizeof *p->slots);
    p->threads = calloc(workers ? workers : 1, sizeof *p->threads);
    if (!p->slots || !p->threads || pipe(p->wake) != 0)
        goto fail_alloc;
    for (int i = 0; i < 2; i++) {
        fcntl(p->wake[i], F_SETFL, fcntl(p->wake[i], F_GETFL) | O_NONBLOCK);
        fcntl(p->wake[i], F_SETFD, FD_CLOEXEC);
    }
    pthread_mutex_init(&p->lock, NULL);
    pthread_cond_init(&p->work, NULL);
    pthread_cond_init(&p->done, NULL);
    for (; p->n_threads < workers; p->n_threads++)
        if (pthread_create(&p->threads[p->n_threads], NULL, worker, p) != 0)
            break;
    if (workers && p->n_threads == 0) {
        pool_free(p, NULL);
        return NULL;
    }
    return p;
fail_alloc:
    for (int i = 0; i < 2; i++)
        if (p->wake[i] >= 0)
            close(p->wake[i]);
    free(p->slots);
    free(p->threads);
    free(p);
    return NULL;
}

/* next_submit and next_pop change only on the main thread, so reading
 * them there needs no lock. */
int pool_has_room(const pool *p) { return p->next_submit - p->next_pop < p->window; }

size_t pool_pending(const pool *p) { return p->next_submit - p->next_pop; }

void pool_submit(pool *p, const job *j, int work)
{
    pthread_mutex_lock(&p->lock);
    job *slot = &p->slots[p->next_submit++ % p->window];
    *slot = *j;
    slot->done = !work;
    pthread_cond_signal(&p->work);
    pthread_mutex_unlock(&p->lock);
}

int pool_run_one(pool *p)
{
    pthread_mutex_lock(&p->lock);
    job *j = take(p);
    if (j)
        run_job(p, j);
    pthread_mutex_unlock(&p->lock);
    return j != NULL;
}

job *pool_oldest(pool *p, int block)
{
    if (p->next_pop == p->next_submit)
        return NULL;
    job *j = &p->slots[p->next_pop % p->window];
    pthread_mutex_lock(&p->lock);
    while (!j->done && block)
        pthread_cond_wait(&p->done, &p->lock);
    if (!j->done) {
        pthread_mutex_unlock(&p->lock);
        return NULL;
    }
    /* A job queued as done (an error to report) may not have been passed
     * by the workers yet: move them past it now.  Otherwise a worker would
     * take the slot after the caller has cleared it (done = 0, path NULL)
     * and run it, or find it reused by a later job. */
    if (p->next_take <= p->next_pop)
        p->next_take = p->next_pop + 1;
    pthread_mutex_unlock(&p->lock);
    return j;
}

void pool_wait(pool *p, int fd)
{
    pthread_mutex_lock(&p->lock);
    int ready = p->next_pop == p->next_submit || p->slots[p->next_pop % p->window].done;
    p->waiting = !ready;
    pthread_mutex_unlock(&p->lock);
    if (ready)
        return;
    struct pollfd pf[2] = { { p->wake[0], POLLIN, 0 }, { fd, POLLIN, 0 } };
    while (poll(pf, fd >= 0 ? 2 : 1, -1) < 0 && errno == EINTR)
        continue;
    pthread_mutex_lock(&p->lock);
    p->waiting = 0;
    char buf[64];
    while (read(p->wake[0], buf, sizeof buf) > 0)
        continue;       /* empty now: no worker writes while waiting is 0 */
    pthread_mutex_unlock(&p->lock);
}

void pool_pop(pool *p)
{
    pthread_mutex_lock(&p->lock);
    memset(&p->slots[p->next_pop % p->window], 0, sizeof *p->slots);
    p->next_pop++;
    pthread_mutex_unlock(&p->lock);
}

void pool_free(pool *p, void (*release)(job *j))
{
    if (!p)
        return;
    pthread_mutex_lock(&p->lock);
    p->stop = 1;
    pthread_cond_broadcast(&p->work);
    pthread_mutex_unlock(&p->lock);
    for (size_t i = 0; i < p->n_threads; i++)
        pthread_join(p->threads[i], NULL);
    /* Workers are gone: every slot still in the ring is either finished
     * or was never started, and owns its path and results. */
    for (size_t s = p->next_pop; s < p->next_submit; s++)
        if (release)
            release(&p->slots[s % p->window]);
    pthread_cond_destroy(&p->work);
    pthread_cond_destroy(&p->done);
    pthread_mutex_destroy(&p->lock);
    close(p->wake[0]);
    close(p->wake[1]);
    free(p->slots);
    free(p->threads);
    free(p);
}
