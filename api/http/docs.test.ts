import { describe, expect, it } from 'vitest';
import { docsRoutes } from './docs.js';

describe('/api/docs assets', () => {
  const app = docsRoutes();

  it('serves the two Swagger UI files', async () => {
    for (const file of ['swagger-ui.css', 'swagger-ui-bundle.js']) {
      expect((await app.request(`/assets/swagger-ui-dist/${file}`)).status).toBe(200);
    }
  });

  it.each(['constructor', 'toString', '__proto__', 'valueOf', 'hasOwnProperty', 'package.json', '..%2Fpackage.json', 'index.html'])('%s is a 404, not a 500', async (name) => {
    expect((await app.request(`/assets/swagger-ui-dist/${name}`)).status).toBe(404);
  });
});
