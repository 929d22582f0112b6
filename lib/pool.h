/*
 * Batches done by threads and handed back in order: the caller fills
 * batches one after another, worker threads (each with its own state, say
 * a tagger) do them, and the caller gets them back, done, in the order it
 * filled them.  A fixed number of batches is in flight, so memory stays
 * bounded.  With one worker no thread is started: each batch is done and
 * handed back when it is submitted, in the caller's thread.  The threads
 * take no signals: the caller's thread handles them (out.h's).
 */
#ifndef POOL_H
#define POOL_H

#include <stddef.h>

/* Do batch with the state of one worker (in a worker thread). */
typedef void pool_work_fn(void *worker, void *batch);
/* A batch done, in the order filled (in the caller's thread): write it out, empty it. */
typedef void pool_done_fn(void *ctx, void *batch);

struct pool;

/*
 * A pool of nworkers workers with states workers[0..nworkers) and
 * nbatches batches batches[0..nbatches) (at least 2 with more than one
 * worker; they are reused in turn), of which at most `bytes` bytes (as
 * pool_submit() counts them) are out at once, and always one.  Both
 * arrays are copied: they need not outlive the call.
 */
struct pool *pool_new(void **workers, size_t nworkers, void **batches, size_t nbatches, size_t bytes,
    pool_work_fn *work, pool_done_fn *done, void *ctx);
/* The next batch to fill: the oldest one, handed back to done() first if it held work. */
void *pool_next(struct pool *p);
/*
 * The batch from pool_next() is filled, with `bytes` bytes.  follows: it
 * carries on where the batch before it stopped (the same document), so the
 * worker that did that one does this one, after it.
 */
void pool_submit(struct pool *p, size_t bytes, int follows);
/* Wait for every batch submitted and hand each to done(), in order; the threads go on. */
void pool_wait(struct pool *p);
/* A thread per core online, at least 1 and at most `most`: a tool's default. */
size_t pool_cores(size_t most);
/* The same, and stop the threads. */
void pool_free(struct pool *p);

#endif
