import { tendersTable } from '../../shared/tenders/aws';
import { answerQuestion } from '../../shared/tenders/providers';
import { staffCommand } from '../consortia/staff';
import type { View } from '../lib/api';
import { questionPath } from './paths';
import { answerBody } from './schemas';
import type * as views from './views';

export const handler = staffCommand(
  { path: questionPath, body: answerBody },
  async (caller, { tenderId, questionId }, input) =>
    (await answerQuestion(tendersTable, caller, tenderId, questionId, input)) satisfies View<typeof views.answered>,
);
