import { Server as HttpServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { Server as NetServer, type Socket } from 'node:net';

/** The listener stays open at least this long after the signal, for connections on their way. */
export const ACCEPT_MIN_MS = 100;
/** …and at most this long, however many connections keep coming. */
export const ACCEPT_MAX_MS = 3000;
/** Turns of the event loop without a new connection that mean the kernel's queue is empty. */
const QUIET_TURNS = 3;

/**
 * Graceful stop for an HTTP server that answers everything already sent to it:
 *
 * - from the signal on, every answer says `Connection: close` (answers being prepared too), so a
 *   connection closes once it has answered;
 * - connections the kernel has already queued are accepted and answered instead of reset (Node's
 *   `server.close()` drops them at once). Node accepts one queued connection per turn of the event
 *   loop, and a busy server takes tens of milliseconds a turn (measured: 300 ms to accept 12), so
 *   the listener closes once QUIET_TURNS turns in a row brought no new connection (at least
 *   ACCEPT_MIN_MS after the signal, at most ACCEPT_MAX_MS);
 * - a kept-alive connection idle at the signal is not closed early: a client may be writing its
 *   next request on it right now (measured: requests reached the server more than a second after
 *   `fetch()` on a busy machine). It answers that request (with `Connection: close`), or closes
 *   when it has been idle for the keep-alive timeout it announced (`Keep-Alive: timeout=5`), which
 *   clients respect. Node's `server.close()` closed idle connections at once and reset those requests.
 *
 * Resolves when every connection has closed, or after `graceMs` with the number still open.
 * Create it when the server starts (it watches connections and requests), and `drain()` on the signal.
 */
export function createDrain(server: HttpServer) {
  let draining = false;
  const inFlight = new Set<ServerResponse>();
  const sockets = new Set<Socket>();
  let accepted = 0;
  server.on('connection', (socket: Socket) => {
    accepted++;
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
  });
  server.on('request', (_req: IncomingMessage, res: ServerResponse) => {
    if (draining) res.setHeader('Connection', 'close');
    inFlight.add(res);
    res.once('close', () => inFlight.delete(res));
  });

  return {
    /** Stops taking connections and waits for every connection to answer and close. */
    drain(graceMs: number): Promise<{ leftOpen: number }> {
      draining = true;
      for (const res of inFlight) if (!res.headersSent) res.setHeader('Connection', 'close');
      return new Promise((resolve) => {
        let finished = false;
        const finish = () => {
          if (finished) return;
          finished = true;
          clearTimeout(deadline);
          resolve({ leftOpen: [...sockets].filter((s) => !s.destroyed).length });
        };
        const deadline = setTimeout(finish, graceMs);
        // stop listening once the queue is empty, and not with http.Server#close, which also closes idle connections at once
        const started = performance.now();
        let seen = accepted;
        let quietTurns = 0;
        const checkQueue = () => {
          if (accepted !== seen) [seen, quietTurns] = [accepted, 0];
          else quietTurns++;
          const elapsed = performance.now() - started;
          if ((quietTurns >= QUIET_TURNS && elapsed >= ACCEPT_MIN_MS) || elapsed >= ACCEPT_MAX_MS) NetServer.prototype.close.call(server, () => finish());
          else setTimeout(checkQueue, 5); // a timer fires at most once a turn, after that turn's poll for connections
        };
        setTimeout(checkQueue, 5);
      });
    },
  };
}

/** True when `server` is a Node HTTP/1 server (what `@hono/node-server` starts by default). */
export function isHttpServer(server: unknown): server is HttpServer {
  return server instanceof HttpServer;
}
