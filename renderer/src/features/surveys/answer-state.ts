import { isAnswered, validateAnswers, type AnswerValue, type Survey } from '@shared';

/** The form's answers by question id (unanswered questions are absent). */
export type AnswerMap = Readonly<Record<string, AnswerValue>>;

/** Why a question is not accepted yet, for the customer: it needs an answer, or the answer is not valid. */
export type AnswerProblem = 'required' | 'invalid';

/** The answers to store, in the survey's question order, unanswered ones left out. */
export function answerList(survey: Survey, answers: AnswerMap): { questionId: string; value: AnswerValue }[] {
  return survey.questions.filter((q) => isAnswered(answers[q.id])).map((q) => ({ questionId: q.id, value: answers[q.id] }));
}

/** The problems of the form by question id (empty when it can be submitted). */
export function answerProblems(survey: Survey, answers: AnswerMap): Record<string, AnswerProblem> {
  const out: Record<string, AnswerProblem> = {};
  for (const v of validateAnswers(survey, answerList(survey, answers))) {
    out[v.questionId] = isAnswered(answers[v.questionId]) ? 'invalid' : 'required';
  }
  return out;
}
