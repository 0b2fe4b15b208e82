import { describe, expect, it } from 'vitest';
import { AffineOrder, DestinationOrders, modularInverse } from './destination-order.js';

describe('DestinationOrders (each node\'s IPVS destination list)', () => {
  it('holds every endpoint exactly once, in an order of its own on each node', () => {
    const orders = new DestinationOrders(12345);
    for (const endpoints of [1, 2, 3, 10, 12, 97, 100]) {
      const lists = [0, 1, 2, 3].map((node) => Array.from({ length: endpoints }, (_, p) => orders.endpointAt(node, 7, endpoints, p)));
      for (const list of lists) expect([...list].sort((a, b) => a - b)).toEqual([...Array(endpoints).keys()]);
      if (endpoints >= 10) expect(new Set(lists.map((list) => list.join())).size).toBeGreaterThan(1);
    }
  });

  it('puts each endpoint first on about the same share of nodes', () => {
    const orders = new DestinationOrders(99);
    const firsts = new Array(10).fill(0);
    for (let node = 0; node < 5_000; node++) firsts[orders.start(node, 3, 10)]++;
    // 500 expected each; ±5 standard deviations (√(5000 × 0.1 × 0.9) ≈ 21).
    for (const count of firsts) expect(Math.abs(count - 500)).toBeLessThan(106);
  });

  it('maps positions back to endpoints and endpoints back to positions', () => {
    for (const endpoints of [1, 5, 10, 64, 99]) {
      const orders = new DestinationOrders(7);
      const order = new AffineOrder(orders.start(2, 4, endpoints), orders.stride(2, 4, endpoints), endpoints);
      for (let position = 0; position < endpoints; position++) {
        expect(order.endpointAt(position)).toBe(orders.endpointAt(2, 4, endpoints, position));
        expect(order.positionOf(order.endpointAt(position))).toBe(position);
      }
    }
    expect((7 * modularInverse(7, 10)) % 10).toBe(1);
  });
});
