import { describe, expect, it } from 'vitest';
import { s } from '../../src/engine/index.js';
import { conntrackCapacity, ConntrackTables } from './conntrack-tables.js';

describe('ConntrackTables', () => {
  it('sizes a node\'s table as kube-proxy does: max(maxPerCore × cores, min)', () => {
    expect(conntrackCapacity(32_768, 131_072, 16)).toBe(524_288);
    expect(conntrackCapacity(32_768, 131_072, 2)).toBe(131_072);
  });

  it('refuses a new entry when full and frees a closed one only after TIME_WAIT', () => {
    const tables = new ConntrackTables(2, { capacity: 2, timeWaitTimeout: s(120), udpTimeout: s(30) });
    tables.add(0);
    tables.add(0);
    expect(tables.hasRoom(0, s(1))).toBe(false);
    expect(tables.hasRoom(1, s(1))).toBe(true);
    tables.release(0, s(10));
    expect(tables.hasRoom(0, s(129))).toBe(false);
    expect(tables.hasRoom(0, s(130))).toBe(true);
    expect(tables.count(0, s(130))).toBe(1);
  });

  it('expires lingering entries in the order they closed', () => {
    const tables = new ConntrackTables(1, { capacity: 10, timeWaitTimeout: s(5), udpTimeout: s(30) });
    for (let i = 0; i < 5; i++) tables.add(0);
    for (let i = 0; i < 5; i++) tables.release(0, s(i));
    expect(tables.count(0, s(6))).toBe(3); // closed at 0 s and 1 s are gone at 6 s
    expect(tables.count(0, s(9))).toBe(0);
  });

  it('keeps a UDP flow\'s entry for the UDP timeout and a TCP one for TIME_WAIT, each in its own order', () => {
    const tables = new ConntrackTables(2, { capacity: 10, timeWaitTimeout: s(120), udpTimeout: s(30) });
    tables.add(0);
    tables.add(1);
    tables.release(0, s(0)); // TCP: until 120 s
    tables.release(1, s(10), true); // UDP: until 40 s
    expect([tables.count(0, s(41)), tables.count(1, s(41))]).toEqual([1, 0]);
    expect(tables.count(0, s(120))).toBe(0);
  });
});
