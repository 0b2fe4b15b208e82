/*
 * The compiled reference for bench/mmc.ts (issue 14): a straightforward M/M/c discrete-event
 * simulation in C, with the same structure as bench/mmc-model.ts, so the engine's speed can be
 * compared with what a plain compiled simulation of the same queue does on the same machine.
 *
 * - The future event set is a binary heap of (time, sequence, type, data) records ordered by
 *   (time, sequence): ties run in insertion order, as in the engine.
 * - Times are integer nanoseconds (int64), draws are rounded as the engine rounds them.
 * - An arrival submits a job (its arrival time) to the c-server FIFO station and schedules the
 *   next arrival; a job that finds a free server schedules its departure, otherwise it waits
 *   in a ring; a departure starts the head of the ring, if any. Two events per customer.
 * - Exponential draws by inversion, -mean * log1p(-u), with u from the engine's own generator
 *   (seedrandom's Alea, below) and the same stream names, so the draws are the engine's: both
 *   programs simulate the same customers and print the same mean wait and sojourn.
 *
 * Build and run (bench/mmc-compare.ts does both):
 *   cc -O2 -o mmc-reference bench/mmc-reference.c -lm
 *   ./mmc-reference CUSTOMERS LAMBDA MU SERVERS SEED
 * prints one JSON line like bench/mmc.ts's: customers, mean_wait, mean_sojourn, events, wall_s,
 * customers_per_s (wall_s around the simulation only, as in bench/mmc.ts).
 */
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

/*
 * seedrandom's Alea with its Mash seeding, line for line (node_modules/seedrandom/lib/alea.js),
 * seeded with the engine's stream seed text (`seed/replication/name`): the reference draws the
 * very numbers bench/mmc-model.ts draws, so both simulate the same customers and must print the
 * same mean wait. The engine's generator is thus not what makes the difference.
 */
typedef struct { double s0, s1, s2, c; } Rng;

static double mash_n;

static uint32_t to_uint32(double x) { return (uint32_t)(uint64_t)x; } /* x >= 0 here: JS's x >>> 0 */

static double mash(const char *data) {
  for (const char *p = data; *p; p++) {
    mash_n += (unsigned char)*p;
    double h = 0.02519603282416938 * mash_n;
    mash_n = to_uint32(h);
    h -= mash_n;
    h *= mash_n;
    mash_n = to_uint32(h);
    h -= mash_n;
    mash_n += h * 4294967296.0;
  }
  return to_uint32(mash_n) * 2.3283064365386963e-10;
}

static void rng_seed(Rng *r, const char *seed) {
  mash_n = 0xefc8249d;
  r->c = 1;
  r->s0 = mash(" ");
  r->s1 = mash(" ");
  r->s2 = mash(" ");
  r->s0 -= mash(seed);
  if (r->s0 < 0) r->s0 += 1;
  r->s1 -= mash(seed);
  if (r->s1 < 0) r->s1 += 1;
  r->s2 -= mash(seed);
  if (r->s2 < 0) r->s2 += 1;
}

/* A uniform in [0, 1), a multiple of 2^-32. */
static inline double uniform(Rng *r) {
  double t = 2091639 * r->s0 + r->c * 2.3283064365386963e-10;
  r->s0 = r->s1;
  r->s1 = r->s2;
  r->c = (double)(int32_t)t; /* t | 0: 0 <= t < 2^31 */
  return r->s2 = t - r->c;
}

static inline int64_t exponential_ns(Rng *r, double mean) { return (int64_t)llround(-mean * log1p(-uniform(r))); }

enum { ARRIVAL = 0, DEPARTURE = 1 };

typedef struct { int64_t time; uint64_t seq; int type; int64_t data; } Event;

static Event *heap;
static size_t heap_size, heap_cap;
static uint64_t next_seq;

static inline int before(const Event *a, const Event *b) {
  return a->time < b->time || (a->time == b->time && a->seq < b->seq);
}

static void schedule(int64_t time, int type, int64_t data) {
  if (heap_size == heap_cap) {
    heap_cap = heap_cap ? 2 * heap_cap : 64;
    heap = realloc(heap, heap_cap * sizeof(Event));
    if (!heap) { perror("realloc"); exit(1); }
  }
  Event e = { time, next_seq++, type, data };
  size_t i = heap_size++;
  while (i > 0) {
    size_t parent = (i - 1) / 2;
    if (!before(&e, &heap[parent])) break;
    heap[i] = heap[parent];
    i = parent;
  }
  heap[i] = e;
}

static Event pop(void) {
  Event top = heap[0], last = heap[--heap_size];
  size_t i = 0;
  for (;;) {
    size_t child = 2 * i + 1;
    if (child >= heap_size) break;
    if (child + 1 < heap_size && before(&heap[child + 1], &heap[child])) child++;
    if (!before(&heap[child], &last)) break;
    heap[i] = heap[child];
    i = child;
  }
  heap[i] = last;
  return top;
}

/* FIFO of waiting jobs: arrival time and service time, a ring that doubles. */
static int64_t *ring_arrival, *ring_service;
static size_t ring_head, ring_count, ring_cap;

static void ring_push(int64_t arrival, int64_t service) {
  if (ring_count == ring_cap) {
    size_t cap = ring_cap ? 2 * ring_cap : 8;
    int64_t *a = malloc(cap * sizeof(int64_t)), *s = malloc(cap * sizeof(int64_t));
    if (!a || !s) { perror("malloc"); exit(1); }
    for (size_t i = 0; i < ring_count; i++) {
      a[i] = ring_arrival[(ring_head + i) & (ring_cap - 1)];
      s[i] = ring_service[(ring_head + i) & (ring_cap - 1)];
    }
    free(ring_arrival); free(ring_service);
    ring_arrival = a; ring_service = s; ring_head = 0; ring_cap = cap;
  }
  size_t slot = (ring_head + ring_count++) & (ring_cap - 1);
  ring_arrival[slot] = arrival;
  ring_service[slot] = service;
}

int main(int argc, char **argv) {
  if (argc != 6) {
    fprintf(stderr, "usage: %s CUSTOMERS LAMBDA MU SERVERS SEED\n", argv[0]);
    return 2;
  }
  long customers = atol(argv[1]);
  double lambda = atof(argv[2]), mu = atof(argv[3]);
  int servers = atoi(argv[4]);
  uint64_t seed = strtoull(argv[5], NULL, 10);
  Rng arrivals, service;
  char text[64];
  snprintf(text, sizeof text, "%llu/0/mmc/arrivals", (unsigned long long)seed);
  rng_seed(&arrivals, text);
  snprintf(text, sizeof text, "%llu/0/mmc/service", (unsigned long long)seed);
  rng_seed(&service, text);
  double mean_gap = 1e9 / lambda, mean_service = 1e9 / mu;

  struct timespec t0, t1;
  clock_gettime(CLOCK_MONOTONIC, &t0);
  int64_t now = 0;
  long arrived = 0, events = 0;
  int busy = 0;
  double wait_sum = 0, sojourn_sum = 0;
  schedule(exponential_ns(&arrivals, mean_gap), ARRIVAL, 0);
  while (heap_size > 0) {
    Event e = pop();
    now = e.time;
    events++;
    if (e.type == ARRIVAL) {
      int64_t s = exponential_ns(&service, mean_service);
      if (busy < servers) {
        busy++;
        schedule(now + s, DEPARTURE, now);
      } else {
        ring_push(now, s);
      }
      if (++arrived < customers) schedule(now + exponential_ns(&arrivals, mean_gap), ARRIVAL, 0);
    } else {
      sojourn_sum += (double)(now - e.data);
      if (ring_count > 0) {
        size_t slot = ring_head;
        ring_head = (ring_head + 1) & (ring_cap - 1);
        ring_count--;
        wait_sum += (double)(now - ring_arrival[slot]);
        schedule(now + ring_service[slot], DEPARTURE, ring_arrival[slot]);
      } else {
        busy--;
      }
    }
  }
  clock_gettime(CLOCK_MONOTONIC, &t1);
  double wall = (double)(t1.tv_sec - t0.tv_sec) + (double)(t1.tv_nsec - t0.tv_nsec) / 1e9;
  printf("{\"customers\":%ld,\"mean_wait\":%.17g,\"mean_sojourn\":%.17g,\"events\":%ld,\"wall_s\":%.6f,\"customers_per_s\":%.1f}\n",
         arrived, wait_sum / arrived / 1e9, sojourn_sum / arrived / 1e9, events, wall, arrived / wall);
  return 0;
}
