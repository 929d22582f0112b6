/* Batches done by threads, handed back in order (pool.h). */
#include <pthread.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "mem.h"
#include "pool.h"

enum { FREE, FILLING, READY, WORKING, DONE };

struct slot {
	void *batch;
	int state;
	int follows;	/* to be done by the worker of the batch before it */
	int owner;	/* that worker, -1 while the batch before is not taken */
	int worker;	/* the worker that took it */
	size_t bytes;
};

struct thread {
	struct pool *pool;
	int id;
	pthread_t tid;
};

struct pool {
	void **workers;
	struct slot *slot;
	size_t nslots;
	unsigned long long submitted, handed;	/* batches submitted, handed back: a batch's number picks its slot */
	size_t bytes, most;	/* bytes out, at most */
	pool_work_fn *work;
	pool_done_fn *done;
	void *ctx;
	struct thread *thread;
	size_t nthreads;	/* 0: every batch done in the caller's thread */
	int stop;
	pthread_mutex_t mu;
	pthread_cond_t cv;
};

static struct slot *
slot_of(struct pool *p, unsigned long long number)
{
	return &p->slot[number % p->nslots];
}

/* The oldest batch that worker w may do, taken; NULL if none.  Called locked. */
static struct slot *
take(struct pool *p, int w)
{
	for (unsigned long long n = p->handed; n < p->submitted; n++) {
		struct slot *s = slot_of(p, n), *next = slot_of(p, n + 1);

		if (s->state != READY || (s->follows && s->owner != w))
			continue;
		s->state = WORKING;
		s->worker = w;
		if (n + 1 < p->submitted && next->follows)
			next->owner = w;
		return s;
	}
	return NULL;
}

static void *
work_loop(void *arg)
{
	struct thread *t = arg;
	struct pool *p = t->pool;
	struct slot *s;

	pthread_mutex_lock(&p->mu);
	for (;;) {
		if ((s = take(p, t->id))) {
			pthread_mutex_unlock(&p->mu);
			p->work(p->workers[t->id], s->batch);
			pthread_mutex_lock(&p->mu);
			s->state = DONE;
			pthread_cond_broadcast(&p->cv);
		} else if (p->stop)
			break;
		else
			pthread_cond_wait(&p->cv, &p->mu);
	}
	pthread_mutex_unlock(&p->mu);
	return NULL;
}

struct pool *
pool_new(void **workers, size_t nworkers, void **batches, size_t nbatches, size_t bytes,
    pool_work_fn *work, pool_done_fn *done, void *ctx)
{
	struct pool *p = xcalloc(1, sizeof *p);
	sigset_t all, caller;

	p->workers = xmalloc(nworkers * sizeof *p->workers);	/* the caller's arrays may go out of scope */
	memcpy(p->workers, workers, nworkers * sizeof *p->workers);
	p->nslots = nbatches;
	p->most = bytes;
	p->slot = xcalloc(nbatches, sizeof *p->slot);
	for (size_t i = 0; i < nbatches; i++)
		p->slot[i].batch = batches[i];
	p->work = work;
	p->done = done;
	p->ctx = ctx;
	pthread_mutex_init(&p->mu, NULL);
	pthread_cond_init(&p->cv, NULL);
	if (nworkers < 2 || nbatches < 2)
		return p;
	p->thread = xcalloc(nworkers, sizeof *p->thread);
	sigfillset(&all);
	pthread_sigmask(SIG_SETMASK, &all, &caller);	/* the threads take no signal: the caller's thread handles them */
	for (size_t i = 0; i < nworkers; i++) {
		struct thread *t = &p->thread[p->nthreads];

		t->pool = p;
		t->id = (int)p->nthreads;
		if (pthread_create(&t->tid, NULL, work_loop, t) == 0)
			p->nthreads++;	/* threads that cannot start leave their work to the others */
	}
	pthread_sigmask(SIG_SETMASK, &caller, NULL);
	return p;
}

/* Hand back, in order, the batches done, and wait until fewer than `room` are out and their bytes allow one more.  Called locked. */
static void
hand_back(struct pool *p, unsigned long long room)
{
	for (;;) {
		struct slot *s = slot_of(p, p->handed);

		if (p->handed < p->submitted && s->state == DONE) {
			pthread_mutex_unlock(&p->mu);
			p->done(p->ctx, s->batch);
			pthread_mutex_lock(&p->mu);
			s->state = FREE;
			p->handed++;
			p->bytes -= s->bytes;
		} else if (p->submitted > p->handed && (p->submitted - p->handed >= room || p->bytes >= p->most))
			pthread_cond_wait(&p->cv, &p->mu);
		else
			return;
	}
}

void *
pool_next(struct pool *p)
{
	struct slot *s;

	pthread_mutex_lock(&p->mu);
	hand_back(p, p->nslots);
	s = slot_of(p, p->submitted);
	s->state = FILLING;
	pthread_mutex_unlock(&p->mu);
	return s->batch;
}

void
pool_submit(struct pool *p, size_t bytes, int follows)
{
	struct slot *s = slot_of(p, p->submitted), *before = slot_of(p, p->submitted - 1);

	if (!p->nthreads) {
		p->work(p->workers[0], s->batch);
		p->done(p->ctx, s->batch);
		s->state = FREE;
		p->submitted++;
		p->handed++;
		return;
	}
	pthread_mutex_lock(&p->mu);
	s->follows = follows && p->submitted > 0;
	/* the batch before keeps its worker's number once taken, even when handed back */
	s->owner = s->follows && before->state != READY ? before->worker : -1;
	s->state = READY;
	s->bytes = bytes;
	p->bytes += bytes;
	p->submitted++;
	pthread_cond_broadcast(&p->cv);
	pthread_mutex_unlock(&p->mu);
}

void
pool_wait(struct pool *p)
{
	pthread_mutex_lock(&p->mu);
	hand_back(p, 1);
	pthread_mutex_unlock(&p->mu);
}

void
pool_free(struct pool *p)
{
	pthread_mutex_lock(&p->mu);
	hand_back(p, 1);
	p->stop = 1;
	pthread_cond_broadcast(&p->cv);
	pthread_mutex_unlock(&p->mu);
	for (size_t i = 0; i < p->nthreads; i++)
		pthread_join(p->thread[i].tid, NULL);
	pthread_mutex_destroy(&p->mu);
	pthread_cond_destroy(&p->cv);
	free(p->thread);
	free(p->slot);
	free(p->workers);
	free(p);
}

size_t
pool_cores(size_t most)
{
	long n = sysconf(_SC_NPROCESSORS_ONLN);

	return n < 1 ? 1 : (size_t)n > most ? most : (size_t)n;
}
