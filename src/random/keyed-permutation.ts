/**
 * A pseudo-random permutation of 0..n−1 chosen by a key, computed per element in O(1)
 * expected time and O(1) memory: a balanced Feistel network over the smallest even-bit
 * domain 2^(2h) >= n, with cycle walking to stay inside [0, n) (Black & Rogaway, "Ciphers
 * with arbitrary finite domains", CT-RSA 2002). The models use it where a real system holds a
 * shuffled order that would cost O(n) per node to store: kube-proxy's KUBE-SERVICES order
 * on each of 5,000 nodes, and which Service is how popular.
 */
export class KeyedPermutation {
  private readonly halfBits: number;
  private readonly halfMask: number;
  private readonly roundKeys: Uint32Array;

  constructor(
    readonly size: number,
    key: number,
  ) {
    if (!(Number.isSafeInteger(size) && size >= 1 && size <= 2 ** 30)) {
      throw new RangeError(`KeyedPermutation needs a size from 1 to 2^30, got ${size}`);
    }
    let halfBits = MIN_HALF_BITS;
    while (2 ** (2 * halfBits) < size) halfBits++;
    this.halfBits = halfBits;
    this.halfMask = (1 << halfBits) - 1;
    this.roundKeys = new Uint32Array(ROUNDS);
    let state = mix32(key >>> 0) ^ mix32(Math.floor(key / 2 ** 32) >>> 0);
    for (let round = 0; round < ROUNDS; round++) this.roundKeys[round] = state = mix32(state + 0x9e3779b9);
  }

  /**
   * The element at position `index` of the permutation; a bijection of [0, size). A `tweak`
   * (an integer, e.g. a node number) selects one of a family of independent permutations
   * without building one object each: KUBE-SERVICES order on every node from one object.
   */
  at(index: number, tweak = 0): number {
    const tweakKey = tweak === 0 ? 0 : mix32(tweak ^ 0x5bd1e995);
    let value = this.encrypt(index, tweakKey);
    while (value >= this.size) value = this.encrypt(value, tweakKey); // cycle walking: expected < 4 steps above 256 elements
    return value;
  }

  private encrypt(value: number, tweakKey: number): number {
    let left = value >>> this.halfBits;
    let right = value & this.halfMask;
    for (let round = 0; round < ROUNDS; round++) {
      const next = left ^ (mix32(right ^ this.roundKeys[round] ^ tweakKey) & this.halfMask);
      left = right;
      right = next;
    }
    return (left << this.halfBits) | right;
  }
}

/**
 * Luby–Rackoff: four rounds with a pseudo-random round function give a pseudo-random
 * permutation asymptotically; with few bits per half that bound is loose, so use six rounds
 * and halves of at least 4 bits (small sizes cycle-walk a little longer; they are cheap).
 */
const ROUNDS = 6;
const MIN_HALF_BITS = 4;

/** A 32-bit integer hash (the murmur3 finaliser): every input bit affects every output bit. */
export function mix32(value: number): number {
  let h = value >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}
