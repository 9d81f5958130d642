import type { BilingualText } from './bilingual.js';
import type { CollectionDefinition, JsonSchemaProperty } from './json-schema.js';
import { bilingualProp, idProp, refProp, timeProp } from './json-schema.js';

export const QUESTION_TYPES = ['csat', 'nps', 'ces', 'single', 'multiple', 'text'] as const;
export type QuestionType = (typeof QUESTION_TYPES)[number];

export interface SurveyQuestion {
  id: string;
  type: QuestionType;
  label: BilingualText;
  required: boolean;
  options: { id: string; label: BilingualText }[];
}

/** A versioned CSAT/NPS/CES survey template. */
export interface Survey {
  id: string;
  title: BilingualText;
  version: number;
  status: 'draft' | 'active' | 'retired';
  questions: SurveyQuestion[];
  updatedAt: number;
}

export type AnswerValue = number | string | string[];

/** One person's answers to one version of a survey. */
export interface SurveyResponse {
  id: string;
  surveyId: string;
  surveyVersion: number;
  ticketId: string;
  respondentId: string;
  answers: { questionId: string; value: AnswerValue }[];
  submittedAt: number;
  channel: 'email' | 'onsite' | 'portal';
}

const questionProp: JsonSchemaProperty = {
  type: 'object',
  properties: {
    id: idProp,
    type: { type: 'string', enum: QUESTION_TYPES },
    label: bilingualProp(500),
    required: { type: 'boolean' },
    options: {
      type: 'array',
      maxItems: 50,
      items: {
        type: 'object',
        properties: { id: idProp, label: bilingualProp(200) },
        required: ['id', 'label'],
        additionalProperties: false,
      },
    },
  },
  required: ['id', 'type', 'label', 'required', 'options'],
  additionalProperties: false,
};

export const surveyDefinition: CollectionDefinition = {
  schema: {
    title: 'surveys',
    version: 0,
    primaryKey: 'id',
    type: 'object',
    properties: {
      id: idProp,
      title: bilingualProp(300),
      version: { type: 'integer', minimum: 1, maximum: 100_000 },
      status: { type: 'string', enum: ['draft', 'active', 'retired'] },
      questions: { type: 'array', maxItems: 50, items: questionProp },
      updatedAt: timeProp,
    },
    required: ['id', 'title', 'version', 'status', 'questions', 'updatedAt'],
    additionalProperties: false,
  },
  migrationStrategies: {},
};

export const surveyResponseDefinition: CollectionDefinition = {
  schema: {
    title: 'survey_responses',
    version: 0,
    primaryKey: 'id',
    type: 'object',
    properties: {
      id: idProp,
      surveyId: idProp,
      surveyVersion: { type: 'integer', minimum: 1, maximum: 100_000 },
      ticketId: refProp,
      respondentId: refProp,
      answers: {
        type: 'array',
        maxItems: 50,
        items: {
          type: 'object',
          properties: {
            questionId: idProp,
            value: {
              type: ['number', 'string', 'array'],
              maxLength: 5000,
              maxItems: 50,
              items: { type: 'string', maxLength: 40 },
            },
          },
          required: ['questionId', 'value'],
          additionalProperties: false,
        },
      },
      submittedAt: timeProp,
      channel: { type: 'string', enum: ['email', 'onsite', 'portal'] },
    },
    required: ['id', 'surveyId', 'surveyVersion', 'ticketId', 'respondentId', 'answers', 'submittedAt', 'channel'],
    indexes: ['submittedAt'],
    additionalProperties: false,
  },
  migrationStrategies: {},
};
