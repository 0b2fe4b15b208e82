/**
 * The known name a mistyped one most likely meant, for "did you mean" in messages, or
 * undefined when nothing is close. Case, `-`, `_` and spaces are ignored (`Bounded-Pareto`);
 * a name that contains the input or is contained in it counts as close (`pareto`, `exp`), and
 * so does one the input begins (`qu` for `quiet`);
 * otherwise the edit distance must be at most a third of the input's length (at least 1).
 */
export function closestName(input: string, known: readonly string[]): string | undefined {
  const wanted = normalize(input);
  if (wanted.length === 0) return undefined;
  let best: string | undefined;
  let bestDistance = Math.max(1, Math.floor(wanted.length / 3));
  for (const name of known) {
    const candidate = normalize(name);
    const contains =
      (wanted.length >= 3 && (candidate.includes(wanted) || wanted.includes(candidate))) ||
      (wanted.length >= 2 && candidate.startsWith(wanted));
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

/**
 * Optimal string alignment distance: insert, delete, substitute, or swap two neighbours, each
 * one edit, so the commonest slip (`--quite`, `servcies`) is one edit away. Names are short.
 */
function editDistance(a: string, b: string): number {
  const rows = Array.from({ length: a.length + 1 }, (_, i) =>
    Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)),
  );
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      rows[i][j] = Math.min(rows[i - 1][j] + 1, rows[i][j - 1] + 1, rows[i - 1][j - 1] + cost);
      const swapped = i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1];
      if (swapped) rows[i][j] = Math.min(rows[i][j], rows[i - 2][j - 2] + 1);
    }
  }
  return rows[a.length][b.length];
}
