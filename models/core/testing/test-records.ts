import { newConnection, resetConnection, type Connection } from '../connection.js';
import { newRequest, resetRequest, type Request } from '../request.js';

/** A request record as RequestFlow would start it, for unit tests of the parts it passes through. */
export function testRequest(fields: { client?: number; service?: number; clientNode?: number; startedAt?: number; measured?: boolean } = {}): Request {
  const { client = 0, service = 0, clientNode = 0, startedAt = 0, measured = true } = fields;
  return resetRequest(newRequest(), client, service, clientNode, startedAt, measured);
}

/** A connection being dialled by `request` (pool key client × 1000 + service, as tests number them). */
export function testConnection(fields: { client?: number; service?: number; clientNode?: number; request?: Request } = {}): Connection {
  const request = fields.request ?? testRequest(fields);
  return resetConnection(newConnection(), request.client * 1000 + request.service, request);
}
