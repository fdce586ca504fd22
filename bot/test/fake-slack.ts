import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';

/** What the bot sent to one `response_url`. */
export type ResponseUrlPost = { url: string; body: Record<string, unknown> };
/** One call to the Web API, with its form or JSON arguments. */
export type ApiCall = { method: string; args: Record<string, unknown> };

async function readArgs(request: Request): Promise<Record<string, unknown>> {
  const text = await request.text();
  if ((request.headers.get('content-type') ?? '').includes('application/json')) return JSON.parse(text);
  const args: Record<string, unknown> = Object.fromEntries(new URLSearchParams(text));
  if (typeof args.blocks === 'string') args.blocks = JSON.parse(args.blocks);
  return args;
}

/**
 * Slack at its HTTP boundary, for msw: records what reaches `response_url`s and the Web API and
 * answers like Slack does. Anything else leaving the process fails the test (`onUnhandledRequest: 'error'`).
 * Tests change an answer with `server.use(...)`.
 */
export function fakeSlack() {
  const responses: ResponseUrlPost[] = [];
  const apiCalls: ApiCall[] = [];
  let ts = 1_700_000_000;
  const server = setupServer(
    http.post('https://hooks.slack.com/*', async ({ request }) => {
      responses.push({ url: request.url, body: JSON.parse(await request.text()) });
      return HttpResponse.text('ok');
    }),
    http.post('https://slack.com/api/chat.postMessage', async ({ request }) => {
      const args = await readArgs(request);
      apiCalls.push({ method: 'chat.postMessage', args });
      return HttpResponse.json({ ok: true, channel: args.channel, ts: `${++ts}.000100`, message: { text: args.text } });
    }),
    http.post('https://slack.com/api/chat.update', async ({ request }) => {
      const args = await readArgs(request);
      apiCalls.push({ method: 'chat.update', args });
      return HttpResponse.json({ ok: true, channel: args.channel, ts: args.ts, text: args.text });
    }),
    http.post('https://slack.com/api/views.publish', async ({ request }) => {
      const args = await readArgs(request);
      if (typeof args.view === 'string') args.view = JSON.parse(args.view);
      apiCalls.push({ method: 'views.publish', args });
      return HttpResponse.json({ ok: true, view: { id: `V${++ts}`, ...(args.view as object) } });
    }),
  );
  return {
    server,
    responses,
    apiCalls,
    /** What was sent to one response_url. */
    sentTo: (url: string) => responses.filter((r) => r.url === url).map((r) => r.body),
    reset() {
      responses.length = 0;
      apiCalls.length = 0;
      server.resetHandlers();
    },
  };
}

/** Records a Web API call in `calls` and answers with `answer` (for per-test failures). */
export function webApiAnswer(method: string, calls: ApiCall[], answer: (n: number) => Response | Promise<Response>) {
  let n = 0;
  return http.post(`https://slack.com/api/${method}`, async ({ request }) => {
    calls.push({ method, args: await readArgs(request) });
    return answer(++n);
  });
}
