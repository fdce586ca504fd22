import type { Handler } from 'hono';

const page = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>ParkOps</title>
<style>
  body { font: 18px/1.5 system-ui, sans-serif; margin: 0; padding: 2rem 1.25rem; background: #0b1220; color: #f3f6fb; }
  main { max-width: 36rem; margin: auto; }
  a { color: #8fd3ff; }
  code { background: #1d2a44; padding: 0.1rem 0.3rem; border-radius: 4px; }
</style>
</head>
<body>
<main>
  <h1>ParkOps</h1>
  <p>The garage's operations API is running: tickets at entry, payment at exit, live occupancy and daily revenue.</p>
  <p>Read the API and try it: <a href="/api/docs">API docs</a> (<a href="/api/openapi.json">OpenAPI 3.1</a>).</p>
  <p>Health: <a href="/api/status"><code>/api/status</code></a>. The attendant app will be served here.</p>
</main>
</body>
</html>`;

/** `/` and every other non-API path, until the PWA is served here. */
export const homePage: Handler = (c) => c.html(page);
