import { describe, expect, it } from 'vitest';
import { formatClock, ProgressReporter } from './progress-reporter.js';

function capture(): { output: { write: (text: string) => void; isTTY: boolean }; text: () => string } {
  let written = '';
  return { output: { write: (text: string) => void (written += text), isTTY: false }, text: () => written };
}

/** A clock the test moves by hand. */
function manualClock(): { clock: () => number; advance: (ms: number) => void } {
  let now = 0;
  return { clock: () => now, advance: (ms) => void (now += ms) };
}

describe('ProgressReporter', () => {
  it('prints a line at most every interval on a log, and always the last one', () => {
    const { output, text } = capture();
    const { clock, advance } = manualClock();
    const progress = new ProgressReporter(output, 4, { enabled: true, terminal: false, clock, lineIntervalMs: 5_000 });
    advance(1_000);
    progress.update(1);
    advance(1_000);
    progress.update(2);
    advance(6_000);
    progress.update(3);
    advance(2_000);
    progress.update(4);
    expect(text()).toBe(
      'progress: 1/4 runs (25%), 0:01 elapsed, ETA 0:03\n' +
        'progress: 3/4 runs (75%), 0:08 elapsed, ETA 0:03\n' +
        'progress: 4/4 runs (100%), 0:10 elapsed\n',
    );
  });

  it('redraws one bar on a terminal and ends its line when finished', () => {
    const { output, text } = capture();
    const { clock, advance } = manualClock();
    const progress = new ProgressReporter(output, 2, { enabled: true, terminal: true, clock });
    advance(1_000);
    progress.update(1);
    advance(1_000);
    progress.update(2);
    progress.finish();
    expect(text()).toBe(
      '\r\u001b[2K[###############...............] 1/2 runs (50%)  0:01 elapsed, ETA 0:01' +
        '\r\u001b[2K[##############################] 2/2 runs (100%)  0:02 elapsed\n',
    );
  });

  it('prints messages above the bar and nothing else when disabled', () => {
    const { output, text } = capture();
    const progress = new ProgressReporter(output, 2, { enabled: false, terminal: true, clock: () => 0 });
    progress.update(1);
    progress.message('warning: point 0: overloaded');
    progress.finish();
    expect(text()).toBe('warning: point 0: overloaded\n');
  });
});

describe('formatClock', () => {
  it('shows minutes and seconds, and hours when there are any', () => {
    expect([formatClock(7_000), formatClock(750_000), formatClock(3_723_000)]).toEqual(['0:07', '12:30', '1:02:03']);
  });
});
