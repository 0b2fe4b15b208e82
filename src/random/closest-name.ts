/**
 * The known name a mistyped one most likely meant, for "did you mean" in messages, or
 * undefined when nothing is close. Case, `-`, `_` and spaces are ignored (`Bounded-Pareto`);
 * a name that contains the input or is contained in it counts as close (`pareto`, `exp`);
 * otherwise the edit distance must be at most a third of the input's length (at least 1).
 */
export function closestName(input: string, known: readonly string[]): string | undefined {
  const wanted = normalize(input);
  if (wanted.length === 0) return undefined;
  let best: string | undefined;
  let bestDistance = Math.max(1, Math.floor(wanted.length / 3));
  for (const name of known) {
    const candidate = normalize(name);
    const contains = wanted.length >= 3 && (candidate.includes(wanted) || wanted.includes(candidate));
    const distance = contains ? 0 : editDistance(wanted, candidate);
    if (distance < bestDistance || (distance === bestDistance && best === undefined)) {
      best = name;
      bestDistance = distance;
    }
  }
  return best;
}

function normalize(name: string): string {
  return name.toLowerCase().replace(/[-_\s]/g, '');
}

/** Levenshtein distance (insert, delete, substitute), two rows: names are short. */
function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const substitution = previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1);
      current.push(Math.min(previous[j] + 1, current[j - 1] + 1, substitution));
    }
    previous = current;
  }
  return previous[b.length];
}
