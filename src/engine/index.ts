/**
 * The engine's public API: what models build on (docs/design.md, House style). The CServerDiscipline and the
 * JobQueue stay inside: models use them only through Station and StationBank.
 */
export * from './time.js';
export { Simulation, DEFAULT_PRIORITY, type EventHandler, type EventHandle } from './simulation.js';
export { Station, type StationOptions } from './station.js';
export { StationBank, type StationBankOptions, type StationBankReport } from './station-bank.js';
export { erlangC, mg1MeanWait, mmcMeanWait } from './queueing-theory.js';
export { HeapEventQueue, TypedHeapEventQueue, compareEvents, type EventQueue, type ScheduledEvent } from './event-queue.js';
