import { tendersTable } from '../../shared/tenders/aws';
import { answerQuestion } from '../../shared/tenders/providers';
import { staffRoute } from '../consortia/staff';
import type { View } from '../lib/api';
import { jsonBody, parse } from '../lib/http';
import { questionPath } from './paths';
import { answerBody } from './schemas';
import type * as views from './views';

export const handler = staffRoute(async (event, caller) => {
  const { tenderId, questionId } = parse(questionPath, event.pathParameters ?? {}, 'path');
  return {
    body: (await answerQuestion(tendersTable, caller, tenderId, questionId, parse(answerBody, jsonBody(event), 'body'))) satisfies View<
      typeof views.answered
    >,
  };
});
