import type { TTemplateSummary, TTemplateVersion } from '@hearth/contracts';
import { PageHeader } from '@hearth/ui';
import { Alert, Button, Tabs } from '@mantine/core';
import { IconCopy } from '@tabler/icons-react';
import { useState } from 'react';
import { DuplicateTemplateModal } from './DuplicateTemplateModal';
import { ActiveToggle, TemplateBadges } from './TemplateBadges';
import { TemplateCrumbs } from './TemplateCrumbs';
import { TemplateOutline } from './TemplateOutline';
import { TemplatePreview } from './TemplatePreview';

/** A built-in template: read-only, with a preview and the way to make the practice's own copy. */
export function BuiltinTemplateView({ summary, version }: { summary: TTemplateSummary; version: TTemplateVersion }) {
  const [duplicating, setDuplicating] = useState(false);
  return (
    <>
      <TemplateCrumbs name={summary.name} />
      <PageHeader
        title={summary.name}
        actions={
          <>
            <ActiveToggle summary={summary} />
            <Button leftSection={<IconCopy size={16} aria-hidden="true" />} onClick={() => setDuplicating(true)} data-testid="builtin-duplicate">
              Duplicate
            </Button>
          </>
        }
      />
      <TemplateBadges summary={summary} />
      <Alert color="gray" variant="light" mb="md">
        Built-in templates are updated with Hearth and cannot be edited here. To change this one, duplicate it: the
        copy is the practice’s own template, which you can edit, preview and publish.
      </Alert>
      <Tabs defaultValue="structure" keepMounted={false}>
        <Tabs.List mb="md">
          <Tabs.Tab value="structure">Sections and fields</Tabs.Tab>
          <Tabs.Tab value="preview">Preview</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="structure">
          <TemplateOutline definition={version.definition} isGroup={summary.kind === 'group'} />
        </Tabs.Panel>
        <Tabs.Panel value="preview">
          <TemplatePreview definition={version.definition} kind={summary.kind} />
        </Tabs.Panel>
      </Tabs>
      <DuplicateTemplateModal template={duplicating ? summary : null} onClose={() => setDuplicating(false)} />
    </>
  );
}
