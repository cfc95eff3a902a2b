#include "lib/password.h"

#include <pthread.h>
#include <sodium.h>
#include <string.h>

#include "lib/text.h"
#include "lib/token.h"

#define OPSLIMIT crypto_pwhash_OPSLIMIT_INTERACTIVE
#define MEMLIMIT crypto_pwhash_MEMLIMIT_INTERACTIVE
/* A limit as the text of an error's value. */
#define STR_(x) #x
#define STR(x) STR_(x)

/* The counting semaphore: a mutex and a condition rather than sem_t, so
 * that the limit can change and the peak can be measured. */
static pthread_mutex_t slot_lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t slot_free = PTHREAD_COND_INITIALIZER;
static unsigned slot_limit = PASSWORD_DEFAULT_CONCURRENCY;
static unsigned slot_used, slot_peak;

static void slot_take(void)
{
	pthread_mutex_lock(&slot_lock);
	while (slot_used >= slot_limit)
		pthread_cond_wait(&slot_free, &slot_lock);
	slot_used++;
	if (slot_used > slot_peak)
		slot_peak = slot_used;
	pthread_mutex_unlock(&slot_lock);
}

static void slot_give(void)
{
	pthread_mutex_lock(&slot_lock);
	slot_used--;
	pthread_cond_signal(&slot_free);
	pthread_mutex_unlock(&slot_lock);
}

void password_set_concurrency(unsigned n)
{
	pthread_mutex_lock(&slot_lock);
	slot_limit = n ? n : 1;
	pthread_cond_broadcast(&slot_free);
	pthread_mutex_unlock(&slot_lock);
}

unsigned password_peak(void)
{
	pthread_mutex_lock(&slot_lock);
	unsigned peak = slot_peak;
	pthread_mutex_unlock(&slot_lock);
	return peak;
}

void password_peak_reset(void)
{
	pthread_mutex_lock(&slot_lock);
	slot_peak = slot_used;
	pthread_mutex_unlock(&slot_lock);
}

int password_check(const char *pw, struct err *e)
{
	size_t len = strlen(pw);
	if (len > PASSWORD_MAX_BYTES) {
		err_coded(e, NULL, "password_long", "the password is too long: at most {1} bytes", STR(PASSWORD_MAX_BYTES), NULL);
		return -1;
	}
	if (!text_utf8_valid(pw, len)) {
		err_coded(e, NULL, "password_utf8", "the password is not valid UTF-8", NULL);
		return -1;
	}
	size_t chars = 0;
	for (const char *p = pw; text_utf8_next(&p);)
		chars++;
	if (chars < PASSWORD_MIN_CHARS) {
		err_coded(e, NULL, "password_short", "the password is too short: it needs at least {1} characters",
			  STR(PASSWORD_MIN_CHARS), NULL);
		return -1;
	}
	return 0;
}

int password_hash(const char *pw, char out[PASSWORD_HASH_MAX], struct err *e)
{
	size_t len = strlen(pw);
	if (len > PASSWORD_MAX_BYTES) {
		err_set(e, "the password is too long: at most %d bytes", PASSWORD_MAX_BYTES);
		return -1;
	}
	slot_take();
	int rc = crypto_pwhash_str(out, pw, len, OPSLIMIT, MEMLIMIT);
	slot_give();
	if (rc != 0) {
		err_set(e, "cannot hash the password: out of memory");
		return -1;
	}
	return 0;
}

bool password_verify(const char *hash, const char *pw)
{
	size_t len = strlen(pw);
	if (len > PASSWORD_MAX_BYTES || strncmp(hash, "$argon2id$", 10) != 0)
		return false;
	slot_take();
	int rc = crypto_pwhash_str_verify(hash, pw, len);
	slot_give();
	return rc == 0;
}

void password_burn(const char *pw)
{
	/* The hash of 32 random hex digits nobody kept, made with the
	 * parameters above. */
	static const char nobody[] =
		"$argon2id$v=19$m=65536,t=2,p=1$Ns9rCTreEcz1y7PpBO8q+g$v2PI76CoES8YoglVD0ZxtyivpqI4OrkN4SUZlKCNyFY";
	(void)password_verify(nobody, pw);
}

bool password_needs_rehash(const char *hash)
{
	return strncmp(hash, "$argon2id$", 10) != 0 || crypto_pwhash_str_needs_rehash(hash, OPSLIMIT, MEMLIMIT) != 0;
}

void password_generate(char out[PASSWORD_GENERATED_LEN + 1])
{
	token_code(4, 5, out);
}
