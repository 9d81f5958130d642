import { Badge, Button, Group, Select, SimpleGrid, Stack, Table, Text, TextInput, Textarea, Title } from '@mantine/core';
import type { ChangePlan, ChangeType, RiskAnswer, Ticket } from '@shared';
import { CHANGE_LIMITS, CHANGE_TYPES, RISK_QUESTIONS, changePhaseOf, changeTypeOf, riskAssessment } from '@shared';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCurrentUser } from '../../app/session-context.js';
import { saveChangePlan, useChangeBoards, useDb } from '../../data/index.js';
import { useLanguage } from '../../i18n/index.js';
import { useViolationText } from '../../ui/violations.js';
import { ErrorLines, SavedMark } from '../problems/FormFeedback.js';
import { toLocalInput } from '../problems/RootCauseForm.js';
import { RISK_COLORS } from './change-colors.js';

const PLAN_PARTS = ['reason', 'implementation', 'test', 'backout'] as const;
const EMPTY_PLAN: ChangePlan = { reason: '', implementation: '', test: '', backout: '' };
const fromLocalInput = (value: string): number | undefined => {
  const at = new Date(value).getTime();
  return value !== '' && Number.isFinite(at) ? at : undefined;
};

/**
 * The change's type, plan (reason, implementation, test, back-out), planned window and risk questionnaire, saved in
 * one write; the risk score shows how it was computed. Saving a new plan, window or type of a scheduled change sends
 * it back to its CAB (the approvals were given on the old one).
 */
export function ChangePlanForm({ ticket }: { ticket: Ticket }) {
  const { t } = useTranslation();
  const db = useDb();
  const user = useCurrentUser();
  const text = useViolationText();
  const [type, setType] = useState<ChangeType>(changeTypeOf(ticket));
  const [plan, setPlan] = useState<ChangePlan>(ticket.changePlan ?? EMPTY_PLAN);
  const [start, setStart] = useState(ticket.plannedStart ? toLocalInput(ticket.plannedStart) : '');
  const [end, setEnd] = useState(ticket.plannedEnd ? toLocalInput(ticket.plannedEnd) : '');
  const [answers, setAnswers] = useState<RiskAnswer[]>(ticket.riskAnswers ?? []);
  const [templateId, setTemplateId] = useState(ticket.changeTemplateId ?? '');
  const templates = useChangeBoards().templates;
  const lang = useLanguage();
  const [errors, setErrors] = useState<string[]>([]);
  const [saved, setSaved] = useState(false);
  const risk = riskAssessment(answers);
  const phase = changePhaseOf(ticket);
  const typeEditable = phase === 'draft' || phase === 'assessment';

  const answer = (questionId: string, value: string | null) => {
    setAnswers([...answers.filter((a) => a.questionId !== questionId), ...(value ? [{ questionId, answer: value }] : [])]);
    setSaved(false);
  };
  const save = async () => {
    const trimmed = Object.fromEntries(PLAN_PARTS.map((p) => [p, plan[p].trim()])) as unknown as ChangePlan;
    const ordered = RISK_QUESTIONS.flatMap((q) => answers.filter((a) => a.questionId === q.id));
    const violations = await saveChangePlan(
      db,
      ticket.id,
      {
        changeType: type,
        changePlan: trimmed,
        plannedStart: fromLocalInput(start),
        plannedEnd: fromLocalInput(end),
        riskAnswers: ordered,
        changeTemplateId: type === 'standard' ? templateId : '',
      },
      user,
    );
    setErrors(violations.map(text));
    setSaved(violations.length === 0);
  };

  return (
    <Stack gap="xs" component="section" aria-labelledby="change-plan-title" data-testid="change-plan">
      <Title order={4} size="h6" id="change-plan-title">
        {t('changes.planTitle')}
      </Title>
      <Select
        label={t('changes.typeLabel')}
        data={CHANGE_TYPES.map((v) => ({ value: v, label: t(`changes.type.${v}`) }))}
        value={type}
        onChange={(v) => v && setType(v)}
        disabled={!typeEditable}
        allowDeselect={false}
        data-testid="change-type-select"
      />
      {type === 'standard' && (
        <Select
          label={t('changes.template')}
          description={t('changes.templateHint')}
          data={[...templates.values()].map((tpl) => ({ value: tpl.id, label: lang === 'fr' ? tpl.nameFr : tpl.name }))}
          value={templateId || null}
          onChange={(id) => {
            const template = id ? templates.get(id) : undefined;
            setTemplateId(id ?? '');
            if (template) setPlan(template.plan);
            setSaved(false);
          }}
          disabled={!typeEditable}
          data-testid="change-template"
        />
      )}
      {PLAN_PARTS.map((part) => (
        <Textarea
          key={part}
          label={t(`changes.plan.${part}`)}
          value={plan[part]}
          onChange={(e) => {
            setPlan({ ...plan, [part]: e.currentTarget.value });
            setSaved(false);
          }}
          maxLength={CHANGE_LIMITS.planText}
          autosize
          minRows={2}
          data-testid={`change-plan-${part}`}
        />
      ))}
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <TextInput
          type="datetime-local"
          label={t('changes.plannedStart')}
          value={start}
          onChange={(e) => setStart(e.currentTarget.value)}
          data-testid="change-start"
        />
        <TextInput
          type="datetime-local"
          label={t('changes.plannedEnd')}
          value={end}
          onChange={(e) => setEnd(e.currentTarget.value)}
          data-testid="change-end"
        />
      </SimpleGrid>
      {type !== 'standard' && (
        <Stack gap={4} data-testid="change-risk">
          <Group gap="xs">
            <Text size="sm" fw={500}>
              {t('changes.risk.title')}
            </Text>
            <Badge variant="outline" color={RISK_COLORS[risk.level]} data-testid="change-risk-level" data-level={risk.level}>
              {t(`changes.risk.level.${risk.level}`)} · {t('changes.risk.score', { score: risk.score })}
            </Badge>
          </Group>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            {RISK_QUESTIONS.map((q) => (
              <Select
                key={q.id}
                label={t(`changes.risk.q.${q.id}`)}
                data={q.answers.map((a) => ({ value: a.id, label: `${t(`changes.risk.a.${q.id}.${a.id}`)} (+${a.points})` }))}
                value={answers.find((a) => a.questionId === q.id)?.answer ?? null}
                onChange={(v) => answer(q.id, v)}
                data-testid={`change-risk-${q.id}`}
              />
            ))}
          </SimpleGrid>
          <Table withTableBorder fz="sm" aria-label={t('changes.risk.howComputed')}>
            <Table.Tbody>
              {risk.lines.map((l) => (
                <Table.Tr key={l.questionId}>
                  <Table.Td>{t(`changes.risk.q.${l.questionId}`)}</Table.Td>
                  <Table.Td>{t(`changes.risk.a.${l.questionId}.${l.answer}`)}</Table.Td>
                  <Table.Td ta="right">+{l.points}</Table.Td>
                </Table.Tr>
              ))}
              <Table.Tr>
                <Table.Td colSpan={2} fw={500}>
                  {t('changes.risk.total')}
                </Table.Td>
                <Table.Td ta="right" fw={500}>
                  {risk.score}
                </Table.Td>
              </Table.Tr>
            </Table.Tbody>
          </Table>
          {!risk.complete && (
            <Text size="sm" c="dimmed">
              {t('changes.risk.unanswered', { count: risk.unanswered.length })}
            </Text>
          )}
        </Stack>
      )}
      <Group gap="xs">
        <Button size="compact-sm" onClick={() => void save()} data-testid="change-plan-save">
          {t('changes.savePlan')}
        </Button>
        <SavedMark saved={saved} />
      </Group>
      <ErrorLines errors={errors} />
    </Stack>
  );
}
