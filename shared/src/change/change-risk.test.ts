import { describe, expect, it } from 'vitest';
import { buildRiskAnswers } from '../testing/build-change.js';
import { RISK_QUESTIONS, riskAssessment } from './change-risk.js';

describe('risk assessment', () => {
  it('adds the points of each answer and shows them', () => {
    const result = riskAssessment(buildRiskAnswers({ scope: 'one_service', testing: 'partial' }));
    expect(result).toMatchObject({ score: 3, level: 'low', complete: true, unanswered: [] });
    expect(result.lines.find((l) => l.questionId === 'scope')).toEqual({ questionId: 'scope', answer: 'one_service', points: 2 });
  });

  it('reaches medium at 5 and high at 10', () => {
    expect(riskAssessment(buildRiskAnswers({ experience: 'first_time', timing: 'business_hours' })).level).toBe('medium');
    expect(
      riskAssessment(buildRiskAnswers({ experience: 'first_time', testing: 'untested', backout: 'impossible', outage: 'long' }))
        .level,
    ).toBe('high');
    const worst = Object.fromEntries(RISK_QUESTIONS.map((q) => [q.id, q.answers[q.answers.length - 1].id]));
    expect(riskAssessment(buildRiskAnswers(worst))).toMatchObject({ score: 17, level: 'high' });
  });

  it('is incomplete with a missing or unknown answer', () => {
    const answers = buildRiskAnswers().filter((a) => a.questionId !== 'backout');
    expect(riskAssessment(answers)).toMatchObject({ complete: false, unanswered: ['backout'] });
    expect(riskAssessment(buildRiskAnswers({ outage: 'forever' })).unanswered).toEqual(['outage']);
  });
});
