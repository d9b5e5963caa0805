/** Independent scoring, consensus and calibration. The independent-score service decides access. */
import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Services } from '../../services/index.ts';
import { CalibrationQuery, CalibrationReport, ConsensusBody, IndependentScoresBody, IndependentScoresView } from '../../contracts/independent-scores.ts';

const IdParams = z.object({ id: z.uuid('id ska vara ett UUID') });

export const independentScoreRoutes = (services: Services): FastifyPluginAsyncZod =>
  async (app) => {
    const s = services.independentScores;

    app.get(
      '/api/evaluations/:id/independent-scores',
      {
        schema: {
          tags: ['conduct'],
          summary: 'Teamets oberoende bedömningar: egna poäng, de andras och spridningen först när man själv lämnat in',
          params: IdParams,
          response: { 200: IndependentScoresView },
        },
      },
      async (req) => s.getIndependentScores({ id: req.params.id, viewer: req.viewer }),
    );

    app.put(
      '/api/evaluations/:id/independent-scores',
      {
        bodyLimit: 64 * 1024,
        schema: { tags: ['conduct'], summary: 'Spara eller lämna in sin egen oberoende bedömning', params: IdParams, body: IndependentScoresBody, response: { 200: IndependentScoresView } },
      },
      async (req) => s.saveIndependentScores({ id: req.params.id, scores: req.body.scores, submitted: req.body.submitted, viewer: req.viewer }),
    );

    app.put(
      '/api/evaluations/:id/consensus',
      {
        bodyLimit: 128 * 1024,
        schema: { tags: ['conduct'], summary: 'Föra in överenskomna poäng med motivering (blir utvärderingens poäng)', params: IdParams, body: ConsensusBody },
      },
      async (req) => s.recordConsensus({ id: req.params.id, expectedVersion: req.body.expectedVersion, items: req.body.items, viewer: req.viewer }),
    );

    app.get(
      '/api/calibration',
      { schema: { tags: ['conduct'], summary: 'Kalibrering: delområden där utvärderarna skiljer sig mest, per ramverksversion', querystring: CalibrationQuery, response: { 200: CalibrationReport } } },
      async (req) => s.getCalibration({ frameworkId: req.query.framework, viewer: req.viewer }),
    );
  };
