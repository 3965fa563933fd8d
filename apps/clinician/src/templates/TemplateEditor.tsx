import type { TTemplateSummary, TTemplateVersion } from '@hearth/contracts';
import { FormError, PageHeader } from '@hearth/ui';
import { Accordion, Alert, Button, Group, Kbd, List, Stack, Tabs, Text, TextInput } from '@mantine/core';
import { useHotkeys } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconCopy, IconDeviceFloppy, IconPlus, IconSend } from '@tabler/icons-react';
import { useMemo, useReducer, useRef, useState } from 'react';
import { ApiError, userMessageFor } from '../api/client';
import { publishTemplate, saveTemplateDraft, useRefreshTemplates } from '../api/templates';
import { useUnsavedChangesGuard } from '../lib/useUnsavedChangesGuard';
import { clearErrorsFor, emptyErrors, hasErrors, mapErrors, sectionErrorCount, validateDraft, type EditorErrors } from './editor-errors';
import { editedUids, editorReducer, fromDefinition, toDefinition, type EditorAction, type EditorState } from './editor-model';
import { DuplicateTemplateModal } from './DuplicateTemplateModal';
import { PublishModal } from './PublishModal';
import { SectionEditor } from './SectionEditor';
import { ActiveToggle, TemplateBadges } from './TemplateBadges';
import { TemplateCrumbs } from './TemplateCrumbs';
import { TemplatePreview } from './TemplatePreview';

interface Props {
  summary: TTemplateSummary;
  /** The version opened: the draft, or the newest published version (saving then starts the next draft). */
  initial: TTemplateVersion;
}

/** A practice template's draft: name, sections and fields, checked and saved, previewed, then published. */
export function TemplateEditor({ summary, initial }: Props) {
  const [state, rawDispatch] = useReducer(editorReducer, initial, (v) => fromDefinition(v.name, v.definition));
  const [errors, setErrors] = useState<EditorErrors>(emptyErrors);
  const [tab, setTab] = useState<string | null>('edit');
  const [open, setOpen] = useState<string[]>(() => state.sections.slice(0, 1).map((s) => s.uid));
  const [focusUid, setFocusUid] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const [publishing, setPublishing] = useState(false);
  const [duplicating, setDuplicating] = useState(false);
  const latest = useRef(state);
  latest.current = state;
  const refresh = useRefreshTemplates();
  const { prompt } = useUnsavedChangesGuard(state.dirty);
  const ctx = { kind: summary.kind, billable: summary.billable };
  const isGroup = summary.kind === 'group';
  const definition = useMemo(() => toDefinition(state), [state]);

  const dispatch = (a: EditorAction) => {
    // New items get the next uids: focus the first input of what was just added, and open its section.
    if (a.type === 'addSection') {
      const uid = `u${state.nextUid}`;
      setFocusUid(uid);
      setOpen((o) => [...o, uid]);
    } else if (a.type === 'addField') setFocusUid(`u${state.nextUid}`);
    else setFocusUid(null);
    setErrors((e) => clearErrorsFor(e, editedUids(state, a), a.type === 'setName'));
    rawDispatch(a);
  };

  const error = (key: string) => errors.byKey[key];

  /** Saves the draft; true when it was saved. Errors are put next to their inputs. */
  const save = async (): Promise<boolean> => {
    const local = validateDraft(state, ctx);
    if (hasErrors(local)) {
      setErrors(local);
      setTab('edit');
      openSectionsWithErrors(local);
      return false;
    }
    const sent = state;
    setSaving(true);
    try {
      await saveTemplateDraft(summary.id, { name: sent.name.trim(), definition: toDefinition(sent) });
      setErrors(emptyErrors());
      // Typing during the save keeps the draft marked as changed.
      if (latest.current === sent) rawDispatch({ type: 'saved' });
      await refresh();
      notifications.show({ color: 'teal', title: 'Draft saved', message: 'Preview it, then publish it when it is ready.' });
      return true;
    } catch (e) {
      showServerErrors(sent, e);
      return false;
    } finally {
      setSaving(false);
    }
  };

  const showServerErrors = (sent: EditorState, e: unknown) => {
    const mapped = e instanceof ApiError && e.fieldErrors.length ? mapErrors(sent, e.fieldErrors) : { ...emptyErrors(), general: [userMessageFor(e)] };
    setErrors(mapped);
    setTab('edit');
    openSectionsWithErrors(mapped);
  };

  const openSectionsWithErrors = (e: EditorErrors) =>
    setOpen((o) => [...new Set([...o, ...state.sections.filter((_, i) => sectionErrorCount(state, i, e) > 0).map((s) => s.uid)])]);

  const publish = async () => {
    if (state.dirty && !(await save())) return false;
    try {
      await publishTemplate(summary.id);
      await refresh();
      notifications.show({ color: 'teal', title: 'Template published', message: 'New notes use the new version; notes already written keep theirs.' });
      return true;
    } catch (e) {
      showServerErrors(latest.current, e);
      return false;
    }
  };

  useHotkeys([['mod+S', () => void save()]], []);

  // The version a publish would create: the draft's number, or the next one when the draft is not saved yet.
  const nextVersion = summary.draftVersion ?? (summary.publishedVersion ?? 0) + 1;
  const canPublish = state.dirty || summary.draftVersion !== null;

  return (
    <>
      <TemplateCrumbs name={summary.name} />
      <PageHeader
        title={summary.name}
        description={
          <>
            Edit the draft, check it on the Preview tab, then publish it. Save with <Kbd>Ctrl</Kbd> + <Kbd>S</Kbd>.
          </>
        }
        actions={
          <>
            <ActiveToggle summary={summary} />
            <Button variant="default" leftSection={<IconCopy size={16} aria-hidden="true" />} onClick={() => setDuplicating(true)}>
              Duplicate
            </Button>
            <Button
              variant="default"
              leftSection={<IconDeviceFloppy size={16} aria-hidden="true" />}
              onClick={() => void save()}
              loading={saving}
              disabled={!state.dirty}
              data-testid="template-save"
            >
              {state.dirty ? 'Save draft' : summary.draftVersion ? 'Draft saved' : 'No changes'}
            </Button>
            <Button
              leftSection={<IconSend size={16} aria-hidden="true" />}
              onClick={() => setPublishing(true)}
              disabled={!canPublish}
              title={canPublish ? undefined : 'Nothing to publish: change the template first'}
              data-testid="template-publish"
            >
              {state.dirty ? 'Save and publish' : 'Publish'}
            </Button>
          </>
        }
      />
      <TemplateBadges summary={summary} />
      {!summary.active ? (
        <Alert color="yellow" mb="md">
          This template is inactive: clinicians are not offered it for new notes until it is activated.
        </Alert>
      ) : null}
      <Stack gap="md">
        {errors.general.length > 0 || errors.name || Object.keys(errors.byKey).length > 0 ? (
          <FormError
            message={
              errors.general.length > 0
                ? `Please correct: ${errors.general.join(' ')}`
                : 'Please correct the highlighted sections and fields.'
            }
            testId="template-errors"
          />
        ) : null}
        <TextInput
          label="Template name"
          description="What clinicians choose when they start a note"
          required
          maw={520}
          maxLength={100}
          value={state.name}
          error={errors.name}
          onChange={(e) => dispatch({ type: 'setName', name: e.currentTarget.value })}
          data-testid="template-name"
        />
        <Tabs value={tab} onChange={setTab} keepMounted={false}>
          <Tabs.List mb="md">
            <Tabs.Tab value="edit">Sections and fields</Tabs.Tab>
            <Tabs.Tab value="preview" data-testid="template-preview-tab">
              Preview
            </Tabs.Tab>
          </Tabs.List>
          <Tabs.Panel value="edit">
            <Stack gap="sm">
              <TemplateHints isGroup={isGroup} billable={summary.billable} />
              {state.sections.length === 0 ? (
                <Text c="dimmed">This template has no sections. Add one to start.</Text>
              ) : (
                <Accordion multiple value={open} onChange={setOpen} variant="separated" chevronPosition="left">
                  {state.sections.map((s, i) => (
                    <SectionEditor
                      key={s.uid}
                      section={s}
                      index={i}
                      count={state.sections.length}
                      dispatch={dispatch}
                      error={error}
                      errorCount={sectionErrorCount(state, i, errors)}
                      isGroup={isGroup}
                      focusUid={focusUid}
                    />
                  ))}
                </Accordion>
              )}
              <Group>
                <Button
                  variant="light"
                  leftSection={<IconPlus size={16} aria-hidden="true" />}
                  disabled={state.sections.length >= 30}
                  onClick={() => dispatch({ type: 'addSection', scope: isGroup ? 'member' : 'note' })}
                  data-testid="add-section"
                >
                  Add section
                </Button>
              </Group>
            </Stack>
          </Tabs.Panel>
          <Tabs.Panel value="preview">
            <TemplatePreview definition={definition} kind={summary.kind} />
          </Tabs.Panel>
        </Tabs>
      </Stack>
      <PublishModal
        opened={publishing}
        onClose={() => setPublishing(false)}
        onPublish={publish}
        publishedVersion={summary.publishedVersion}
        nextVersion={nextVersion}
        saveFirst={state.dirty}
      />
      <DuplicateTemplateModal template={duplicating ? summary : null} onClose={() => setDuplicating(false)} />
      {prompt}
    </>
  );
}

function TemplateHints({ isGroup, billable }: { isGroup: boolean; billable: boolean }) {
  if (!isGroup && !billable) return null;
  return (
    <Alert color="gray" variant="light">
      <List size="sm" spacing={2}>
        {isGroup ? (
          <List.Item>
            A group template needs at least one section written once for the session (“Shared”) and one written for
            each attending member (“Per member”).
          </List.Item>
        ) : null}
        {billable ? (
          <List.Item>
            A billable template tags one field each as Interventions, Response to treatment and Plan (the “Payer
            element” of a field), so the note can be checked before it is signed.
          </List.Item>
        ) : null}
      </List>
    </Alert>
  );
}
