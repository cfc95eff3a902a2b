#include "web/dbcache.h"

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lib/xalloc.h"

struct cached {
	struct store *st;
	char *path;
};

static pthread_key_t key;
static pthread_once_t key_once = PTHREAD_ONCE_INIT;

static void cached_free(void *p)
{
	struct cached *c = p;
	if (!c)
		return;
	store_close(c->st);
	free(c->path);
	free(c);
}

static void key_make(void)
{
	if (pthread_key_create(&key, cached_free) != 0) {
		fprintf(stderr, "shinsa: cannot create a thread key\n");
		abort();
	}
}

int dbcache_get(const char *path, struct store **out, struct err *e)
{
	pthread_once(&key_once, key_make);
	struct cached *c = pthread_getspecific(key);
	if (c && strcmp(c->path, path) == 0) {
		*out = c->st;
		return 0;
	}
	dbcache_drop();
	struct store *st;
	if (store_open(path, STORE_EXISTING, &st, e) < 0)
		return -1;
	c = xcalloc(1, sizeof *c);
	c->st = st;
	c->path = xstrdup(path);
	pthread_setspecific(key, c);
	*out = st;
	return 0;
}

void dbcache_done(void)
{
	pthread_once(&key_once, key_make);
	struct cached *c = pthread_getspecific(key);
	if (c)
		store_rollback(c->st);
}

void dbcache_drop(void)
{
	pthread_once(&key_once, key_make);
	cached_free(pthread_getspecific(key));
	pthread_setspecific(key, NULL);
}
