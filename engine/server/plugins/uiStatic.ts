// The browser UI (the renderer bundle) served at `/`, every file with the UI's security headers
// (engine/contract/uiSecurity.ts). Encapsulated: the headers' hook applies to these routes only.
import type { FastifyInstance } from 'fastify';
import fastifyStatic from '@fastify/static';
import { UI_SECURITY_HEADERS } from '../../contract/uiSecurity.js';

export function uiStatic(uiDir: string) {
  return async (app: FastifyInstance): Promise<void> => {
    app.addHook('onSend', async (_request, reply) => {
      void reply.headers(UI_SECURITY_HEADERS);
    });
    await app.register(fastifyStatic, { root: uiDir, prefix: '/', index: 'index.html' });
  };
}
