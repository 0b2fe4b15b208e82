import { describe, expect, it } from 'vitest';
import { formatClock, ProgressReporter, type ProgressStatus } from './progress-reporter.js';

function capture(): { output: { write: (text: string) => void; isTTY: boolean }; text: () => string } {
  let written = '';
  return { output: { write: (text: string) => void (written += text), isTTY: false }, text: () => written };
}

/** A clock the test moves by hand. */
function manualClock(): { clock: () => number; advance: (ms: number) => void } {
  let now = 0;
  return { clock: () => now, advance: (ms) => void (now += ms) };
}

/** A status the test sets by hand, as RunProgress would from its tracker. */
function settableStatus(runsTotal: number): { status: () => ProgressStatus; set: (change: Partial<ProgressStatus>) => void } {
  let current: ProgressStatus = { runsDone: 0, runsTotal, runsInHand: 0, fraction: undefined, etaSeconds: undefined, simulatedSeconds: 0 };
  return { status: () => current, set: (change) => void (current = { ...current, ...change }) };
}

describe('ProgressReporter', () => {
  it('prints a line at most every interval on a log, the first after one interval, and always the last one', () => {
    const { output, text } = capture();
    const { clock, advance } = manualClock();
    const { status, set } = settableStatus(4);
    const progress = new ProgressReporter(output, status, { enabled: true, terminal: false, clock, lineIntervalMs: 5_000 });
    advance(1_000);
    set({ runsInHand: 2, fraction: 0.04, etaSeconds: 30, simulatedSeconds: 20 });
    progress.update();
    advance(4_000);
    set({ fraction: 0.2, etaSeconds: 20, simulatedSeconds: 100 });
    progress.update();
    advance(2_000);
    set({ runsDone: 1, fraction: 0.3, etaSeconds: 16, simulatedSeconds: 150 });
    progress.update();
    advance(6_000);
    set({ runsDone: 4, runsInHand: 0, fraction: 1, etaSeconds: 0, simulatedSeconds: 400 });
    progress.update(true);
    expect(text()).toBe(
      // Partly done runs count: 20 % of the work before any run has finished.
      'progress: 0/4 runs (20%), 2 running, 0:05 elapsed, ETA 0:20, 20 sim s/s\n' +
        'progress: 4/4 runs (100%), 0:13 elapsed\n',
    );
  });

  it('redraws one bar on a terminal at once, with the rates, and ends its line when finished', () => {
    const { output, text } = capture();
    const { clock, advance } = manualClock();
    const { status, set } = settableStatus(2);
    const progress = new ProgressReporter(output, status, { enabled: true, terminal: true, clock });
    advance(30_000);
    set({ runsDone: 1, runsInHand: 1, fraction: 0.5, etaSeconds: 30, simulatedSeconds: 600 });
    progress.update();
    advance(30_000);
    set({ runsDone: 2, runsInHand: 0, fraction: 1, etaSeconds: 0, simulatedSeconds: 1200 });
    progress.update(true);
    progress.finish();
    expect(text()).toBe(
      '\r\u001b[2K[##########..........] 50%  1/2 runs  0:30  ETA 0:30  2 runs/min  20 sim s/s' +
        '\r\u001b[2K[####################] 100%  2/2 runs  1:00 elapsed  2 runs/min  20 sim s/s\n',
    );
  });

  it('counts runs for the share and shows no ETA until the estimate can be told', () => {
    const { output, text } = capture();
    const { clock, advance } = manualClock();
    const { status, set } = settableStatus(4);
    const progress = new ProgressReporter(output, status, { enabled: true, terminal: false, clock, lineIntervalMs: 1_000 });
    advance(1_000);
    set({ runsDone: 1, runsInHand: 1 });
    progress.update();
    expect(text()).toBe('progress: 1/4 runs (25%), 1 running, 0:01 elapsed, ETA ?, 60 runs/min\n');
  });

  it('prints messages above the bar and nothing else when disabled', () => {
    const { output, text } = capture();
    const { status } = settableStatus(2);
    const progress = new ProgressReporter(output, status, { enabled: false, terminal: true, clock: () => 0 });
    progress.update();
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
