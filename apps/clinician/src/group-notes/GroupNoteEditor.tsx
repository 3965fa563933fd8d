import type { TGroupNote, TNote } from '@hearth/contracts';
import { PageHeader } from '@hearth/ui';
import { Alert, Anchor, Badge, Button, Card, Group, Stack, Tabs, Text, Title } from '@mantine/core';
import { useHotkeys } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconCircleCheck, IconSignature } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import { ApiError, userMessageFor } from '../api/client';
import { signGroupNote } from '../api/group-notes';
import { useSession } from '../auth/session-context';
import { formatDate } from '../lib/format';
import { useUnsavedChangesGuard } from '../lib/useUnsavedChangesGuard';
import { EncounterBlock } from '../notes/editor/EncounterBlock';
import { focusField } from '../notes/editor/RequiredChecklist';
import { SaveStatus } from '../notes/editor/SaveStatus';
import { sectionsInScope } from '../notes/form/field-values';
import { NOTE_STATUS_LABELS } from '../notes/form/labels';
import { NoteForm } from '../notes/form/NoteForm';
import { errorsAsMissing, splitMissing, type MemberDraft } from './group-note-model';
import { GroupMissingList } from './GroupMissingList';
import { GroupSignDialogs, type GroupSignStep } from './GroupSignDialogs';
import { isEditableMember, useGroupNoteDraft } from './useGroupNoteDraft';

interface Props {
  group: TGroupNote;
  onSigned: (g: TGroupNote) => void;
  onReload: () => void;
}

/** The group note being written: the shared sections once, then each attending member's part. */
export function GroupNoteEditor({ group, onSigned, onReload }: Props) {
  const { user } = useSession();
  const qc = useQueryClient();
  const d = useGroupNoteDraft(group);
  const g = d.server;
  const [tab, setTab] = useState<string | null>(g.members[0]?.id ?? null);
  const [step, setStep] = useState<GroupSignStep>(null);
  const [preparing, setPreparing] = useState(false);
  const { prompt } = useUnsavedChangesGuard(d.unsaved);
  const missing = splitMissing(g);
  const hasNoteScope = sectionsInScope(g.definition, 'note').length > 0;
  const activeTab = g.members.some((m) => m.id === tab) ? tab : (g.members[0]?.id ?? null);
  const serviceDate = g.members[0]?.encounter.serviceDate;
  const stopped = d.state === 'conflict' || d.state === 'locked';

  useHotkeys([['mod+S', () => void d.flush()]], []);

  const goTo = (memberId: string | null, field: string) => {
    if (memberId) setTab(memberId);
    // The member's tab renders first, then its field can take focus.
    setTimeout(() => focusField(field), memberId ? 60 : 0);
  };

  const startSigning = async () => {
    setPreparing(true);
    const saved = await d.flush();
    setPreparing(false);
    if (!saved) {
      notifications.show({ color: 'red', title: 'Not signed', message: 'The latest changes could not be saved. Fix what is shown, then sign.' });
      return;
    }
    const now = splitMissing(d.server);
    const anyMissing = now.shared.length > 0 || Object.values(now.byMember).some((x) => x.length > 0);
    setStep(anyMissing ? { step: 'missing', ...now, general: [] } : { step: 'attest' });
  };

  const sign = async (): Promise<string | null> => {
    try {
      const signed = await signGroupNote(g.id, { version: d.version(), attestation: true });
      d.replace(signed);
      setStep(null);
      await qc.invalidateQueries({ queryKey: ['notes'] });
      await qc.invalidateQueries({ queryKey: ['appointments'] });
      onSigned(signed);
      return null;
    } catch (e) {
      if (e instanceof ApiError && e.status === 400 && e.fieldErrors.length) {
        setStep({ step: 'missing', ...errorsAsMissing(e.fieldErrors, g.members.map((m) => m.id)) });
        return null;
      }
      return userMessageFor(e);
    }
  };

  const editableCount = g.members.filter(isEditableMember).length;

  return (
    <>
      <PageHeader
        title="Group note"
        description={
          <>
            <Anchor component={Link} underline="always" to={`/groups/${g.groupId}/sessions/${g.appointmentId}`}>
              {g.groupName}
            </Anchor>
            {serviceDate ? ` · ${formatDate(serviceDate)}` : ''} · {g.members.length} member{g.members.length === 1 ? '' : 's'} present
          </>
        }
        actions={
          <>
            <SaveStatus state={d.state} lastSavedAt={d.lastSavedAt} storedLocally={false} />
            <Button
              leftSection={<IconSignature size={16} aria-hidden="true" />}
              onClick={() => void startSigning()}
              loading={preparing}
              disabled={stopped || editableCount === 0}
              data-testid="group-sign-all"
            >
              Sign all
            </Button>
          </>
        }
      />
      <Stack gap="md">
        {stopped ? (
          <Alert color="red" role="alert" title="Not saved">
            <Text mb="xs">{d.message}</Text>
            <Button size="compact-sm" variant="default" onClick={onReload}>
              Reload the group note
            </Button>
          </Alert>
        ) : d.state === 'error' && d.message ? (
          <Alert color="red" role="alert">
            {d.message}
            {d.errors.general.length ? ` ${d.errors.general.join('; ')}` : ''}
          </Alert>
        ) : null}

        <Card component="section" aria-labelledby="group-shared-heading" withBorder>
          <Title order={2} id="group-shared-heading" mb={4}>
            Written once for the session
          </Title>
          <Text c="dimmed" size="sm" mb="sm">
            These sections are the same in every member’s note.
          </Text>
          <NoteForm
            definition={g.definition}
            content={d.draft.shared}
            onChange={(c) => d.updateShared(c)}
            readOnly={stopped}
            enabledSections={[]}
            scope="shared"
            errors={d.errors.shared}
          />
          <Group mt="sm" gap="xs" align="flex-start">
            <Text size="sm" fw={600}>
              Required in the shared sections:
            </Text>
            <GroupMissingList items={missing.shared} definition={g.definition} onGo={(f) => goTo(null, f)} doneText="All filled in." />
          </Group>
        </Card>

        <Card component="section" aria-labelledby="group-members-heading" withBorder>
          <Title order={2} id="group-members-heading" mb={4}>
            Each member
          </Title>
          <Text c="dimmed" size="sm" mb="sm">
            Session details and the individual sections of each member present. Members marked present later join at
            the next save.
          </Text>
          {g.members.length === 0 ? (
            <Text>Nobody is marked present at this session. Take attendance, then come back to this note.</Text>
          ) : (
            // One member at a time (keepMounted off): each member's fields keep their own ids for focusing.
            <Tabs value={activeTab} onChange={setTab} keepMounted={false}>
              <Tabs.List mb="md">
                {g.members.map((m) => (
                  <Tabs.Tab key={m.id} value={m.id} rightSection={<MemberBadge note={m} missing={missing.byMember[m.id]?.length ?? 0} />}>
                    {m.patientName}
                  </Tabs.Tab>
                ))}
              </Tabs.List>
              {g.members.map((m) => (
                <Tabs.Panel key={m.id} value={m.id}>
                  <MemberPanel
                    note={m}
                    draft={d.draft.members[m.id]}
                    readOnly={stopped}
                    errors={d.errors.members[m.id] ?? {}}
                    missing={missing.byMember[m.id] ?? []}
                    hasNoteScope={hasNoteScope}
                    onGo={(f) => goTo(m.id, f)}
                    onChange={(fn) => d.updateMember(m.id, fn)}
                  />
                </Tabs.Panel>
              ))}
            </Tabs>
          )}
        </Card>
      </Stack>
      <GroupSignDialogs
        step={step}
        onClose={() => setStep(null)}
        members={g.members}
        definition={g.definition}
        onGo={goTo}
        onSign={sign}
        cosign={user.roles.includes('associate')}
        count={editableCount}
      />
      {prompt}
    </>
  );
}

function MemberBadge({ note, missing }: { note: TNote; missing: number }) {
  if (!isEditableMember(note))
    return (
      <Badge size="sm" variant="light" color="teal" tt="none">
        {NOTE_STATUS_LABELS[note.status]}
      </Badge>
    );
  if (missing === 0) return <IconCircleCheck size={16} color="var(--mantine-color-teal-7)" role="img" aria-label="Ready to sign" />;
  return (
    <Badge size="sm" variant="light" color="gray" tt="none" aria-label={`${missing} missing`}>
      {missing} missing
    </Badge>
  );
}

interface MemberPanelProps {
  note: TNote;
  draft: MemberDraft | undefined;
  readOnly: boolean;
  errors: Record<string, string>;
  missing: { field: string; message: string }[];
  hasNoteScope: boolean;
  onGo: (field: string) => void;
  onChange: (fn: (m: MemberDraft) => MemberDraft) => void;
}

function MemberPanel({ note, draft, readOnly, errors, missing, hasNoteScope, onGo, onChange }: MemberPanelProps) {
  if (!draft || !isEditableMember(note))
    return (
      <Alert color="gray" variant="light">
        {note.patientName}’s note is {NOTE_STATUS_LABELS[note.status].toLowerCase()}: it was finished on its own and is
        not changed by this group note.{' '}
        <Anchor component={Link} to={`/notes/${note.id}`}>
          Open the note
        </Anchor>
      </Alert>
    );
  const form = (scope: 'note' | 'member') => (
    <NoteForm
      definition={note.definition}
      content={draft.content}
      onChange={(content) => onChange((m) => ({ ...m, content }))}
      readOnly={readOnly}
      enabledSections={note.enabledSections}
      scope={scope}
      errors={errors}
      patientId={note.patientId}
      serviceDate={draft.encounter.serviceDate}
    />
  );
  return (
    <Stack gap="md">
      <EncounterBlock
        value={draft.encounter}
        onChange={(encounter) => onChange((m) => ({ ...m, encounter }))}
        errors={errors}
        kind={note.kind}
        billable={note.billable}
        timeZone={note.encounter.timeZone}
        patientId={note.patientId}
      />
      {hasNoteScope ? form('note') : null}
      {form('member')}
      <Card withBorder component="section" aria-label={`Required to sign for ${note.patientName}`}>
        <Text fw={600} size="sm" mb={4}>
          Required to sign
        </Text>
        <GroupMissingList items={missing} definition={note.definition} onGo={onGo} doneText="Everything required for this member is filled in." />
      </Card>
    </Stack>
  );
}
