/** A size in binary units, as messages about limits show it: `16 MiB`, `16.1 MiB`, `512 bytes` (one decimal below 100). */
export function formatBytes(bytes: number): string {
  const units = ['bytes', 'KiB', 'MiB', 'GiB', 'TiB', 'PiB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  if (unit === 0) return `${bytes} bytes`;
  const shown = value < 100 ? String(Number(value.toFixed(1))) : String(Math.round(value));
  return `${shown} ${units[unit]}`;
}
