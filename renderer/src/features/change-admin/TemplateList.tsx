import { Badge, Button, Table, VisuallyHidden } from '@mantine/core';
import type { ChangeTemplate } from '@shared';
import { useTranslation } from 'react-i18next';

/** The standard-change catalogue: name in the UI language and whether it is offered; admin text shown as text. */
export function TemplateList({
  templates,
  lang,
  writable,
  onOpen,
}: {
  templates: readonly ChangeTemplate[];
  lang: string;
  writable: boolean;
  onOpen: (template: ChangeTemplate) => void;
}) {
  const { t } = useTranslation();
  return (
    <Table striped highlightOnHover data-testid="change-template-list">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t('changeAdmin.column.name')}</Table.Th>
          <Table.Th>{t('changeAdmin.column.state')}</Table.Th>
          <Table.Th>
            <VisuallyHidden>{t('changeAdmin.column.open')}</VisuallyHidden>
          </Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {templates.map((tpl) => {
          const name = lang === 'fr' ? tpl.nameFr : tpl.name;
          return (
            <Table.Tr key={tpl.id} data-testid="change-template-row" data-template-id={tpl.id}>
              <Table.Td data-testid="change-template-row-name">{name}</Table.Td>
              <Table.Td>
                <Badge color={tpl.active ? 'green' : 'gray'}>
                  {tpl.active ? t('changeAdmin.templates.isActive') : t('changeAdmin.templates.isInactive')}
                </Badge>
              </Table.Td>
              <Table.Td>
                <Button
                  size="xs"
                  variant="light"
                  data-testid="change-template-open"
                  aria-label={t(writable ? 'changeAdmin.editNamed' : 'changeAdmin.viewNamed', { name })}
                  onClick={() => onOpen(tpl)}
                >
                  {writable ? t('changeAdmin.edit') : t('changeAdmin.view')}
                </Button>
              </Table.Td>
            </Table.Tr>
          );
        })}
      </Table.Tbody>
    </Table>
  );
}
