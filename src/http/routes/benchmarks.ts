import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  BenchmarkQuery,
  BenchmarksOut,
  BenchmarkVersionsOut,
  MunicipalityBenchmarkOut,
  MunicipalityBenchmarkParams,
  MunicipalityBenchmarkQuery,
  PeerGroupBody,
  PeerGroupListOut,
  PeerGroupOut,
  PeerGroupParams,
  PeerGroupUpdateBody,
} from '../../contracts/benchmarks.ts';
import type { Services } from '../../services/index.ts';
import { requireRole } from '../guards.ts';

const signedIn = requireRole('admin', 'evaluator', 'municipality');

export const benchmarkRoutes = ({ benchmarks }: Pick<Services, 'benchmarks'>): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/api/benchmarks',
      {
        schema: {
          tags: ['benchmarks'],
          summary: 'Jämförelsetal för en ramverksversion (och ett år): antal, medelvärde, median, kvartiler, min och max per område och delområde, bara publicerade utvärderingar',
          querystring: BenchmarkQuery,
          response: { 200: BenchmarksOut },
        },
      },
      async (req) => benchmarks.getBenchmarks({ frameworkId: req.query.framework, year: req.query.year, viewer: req.viewer }),
    );
    app.get(
      '/api/benchmarks/versions',
      { schema: { tags: ['benchmarks'], summary: 'Ramverksversioner och år som har publicerade utvärderingar', response: { 200: BenchmarkVersionsOut } } },
      async (req) => ({ items: await benchmarks.listBenchmarkVersions({ viewer: req.viewer }) }),
    );
    app.get(
      '/api/benchmarks/municipalities/:code',
      {
        schema: {
          tags: ['benchmarks'],
          summary: 'En kommuns placering i en grupp (länet eller en sparad jämförelsegrupp) och avstånd till bästa per område och delområde',
          params: MunicipalityBenchmarkParams,
          querystring: MunicipalityBenchmarkQuery,
          response: { 200: MunicipalityBenchmarkOut },
        },
      },
      async (req) =>
        benchmarks.getMunicipalityBenchmark({ code: req.params.code, frameworkId: req.query.framework, year: req.query.year, peerGroupId: req.query.peerGroup, viewer: req.viewer }),
    );
    app.get(
      '/api/peer-groups',
      { preHandler: signedIn, schema: { tags: ['benchmarks'], summary: 'Dina sparade jämförelsegrupper', response: { 200: PeerGroupListOut } } },
      async (req) => ({ items: await benchmarks.listPeerGroups({ viewer: req.viewer }) }),
    );
    app.post(
      '/api/peer-groups',
      { preHandler: signedIn, schema: { tags: ['benchmarks'], summary: 'Spara en jämförelsegrupp (t.ex. "våra fem grannar")', body: PeerGroupBody, response: { 201: PeerGroupOut } } },
      async (req, reply) => reply.status(201).send(await benchmarks.createPeerGroup({ input: req.body, viewer: req.viewer })),
    );
    app.get(
      '/api/peer-groups/:id',
      { preHandler: signedIn, schema: { tags: ['benchmarks'], summary: 'En av dina jämförelsegrupper', params: PeerGroupParams, response: { 200: PeerGroupOut } } },
      async (req) => benchmarks.getPeerGroup({ id: req.params.id, viewer: req.viewer }),
    );
    app.put(
      '/api/peer-groups/:id',
      {
        preHandler: signedIn,
        schema: { tags: ['benchmarks'], summary: 'Ändra namn och kommuner i en av dina jämförelsegrupper (expectedVersion: versionen du läste; annars 409)', params: PeerGroupParams, body: PeerGroupUpdateBody, response: { 200: PeerGroupOut } },
      },
      async (req) => {
        const { expectedVersion, ...input } = req.body;
        return benchmarks.updatePeerGroup({ id: req.params.id, input, expectedVersion, viewer: req.viewer });
      },
    );
    app.delete(
      '/api/peer-groups/:id',
      { preHandler: signedIn, schema: { tags: ['benchmarks'], summary: 'Ta bort en av dina jämförelsegrupper', params: PeerGroupParams } },
      async (req, reply) => {
        await benchmarks.deletePeerGroup({ id: req.params.id, viewer: req.viewer });
        return reply.status(204).send();
      },
    );
  };
