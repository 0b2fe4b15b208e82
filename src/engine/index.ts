export * from './time.js';
export { Simulation, DEFAULT_PRIORITY, type EventHandler, type EventHandle } from './simulation.js';
export { Station, type StationOptions } from './station.js';
export { HeapEventQueue, compareEvents, type EventQueue, type ScheduledEvent } from './event-queue.js';
