import { EmptyState, FormError, LoadingState, PageHeader } from '@hearth/ui';
import { Anchor, Button, Card, Group, Select, Stack, Text } from '@mantine/core';
import { IconNotes } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { ApiError, userMessageFor } from '../api/client';
import { createGroupNote, groupNoteKeys, useAppointmentGroupNote } from '../api/group-notes';
import { useTemplates } from '../api/notes';
import { useAppointment } from '../api/scheduling';
import { useCan } from '../auth/session-context';
import { QueryError } from '../components/QueryError';
import { useDocumentTitle } from '../lib/useDocumentTitle';
import { formatLocalDateTime } from '../scheduling/time';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** /group-notes/new?appointmentId= — choose the group template and start the session's note (or open the one already started). */
export function NewGroupNotePage() {
  useDocumentTitle('New group note');
  const [params] = useSearchParams();
  const appointmentId = params.get('appointmentId') ?? '';
  if (!UUID.test(appointmentId))
    return (
      <>
        <PageHeader title="New group note" />
        <EmptyState
          title="Start a group note from its session"
          description="Open the group, choose the session and take attendance, then choose Group note on that page (or Start note on the session in the schedule)."
          action={
            <Button component={Link} to="/groups">
              Go to groups
            </Button>
          }
        />
      </>
    );
  return <StartGroupNote appointmentId={appointmentId} />;
}

function StartGroupNote({ appointmentId }: { appointmentId: string }) {
  const navigate = useNavigate();
  const qc = useQueryClient();
  const existing = useAppointmentGroupNote(appointmentId);
  const templates = useTemplates();
  const canSeeSchedule = useCan('scheduling.read');
  const appointment = useAppointment(canSeeSchedule ? appointmentId : null);
  const groupTemplates = (templates.data ?? []).filter((t) => t.kind === 'group');
  const [chosen, setChosen] = useState<string | null>(null);
  const templateId = chosen ?? (groupTemplates.length === 1 ? groupTemplates[0]!.id : null);
  const [error, setError] = useState<string | null>(null);
  const [attendanceNeeded, setAttendanceNeeded] = useState(false);
  const [busy, setBusy] = useState(false);

  // A session has one group note: when it was started already, open it.
  useEffect(() => {
    if (existing.data) void navigate(`/group-notes/${existing.data.id}`, { replace: true });
  }, [existing.data, navigate]);

  const start = async () => {
    if (!templateId) {
      setError('Choose the group template to write on.');
      return;
    }
    setBusy(true);
    setError(null);
    setAttendanceNeeded(false);
    try {
      const g = await createGroupNote({ appointmentId, templateId });
      qc.setQueryData(groupNoteKeys.one(g.id), g);
      void navigate(`/group-notes/${g.id}`, { replace: true });
    } catch (e) {
      const other = e instanceof ApiError ? e.problem.groupNoteId : undefined;
      if (typeof other === 'string') {
        void navigate(`/group-notes/${other}`, { replace: true });
        return;
      }
      setAttendanceNeeded(e instanceof ApiError && e.fieldErrors.some((f) => f.field === 'appointmentId' && /present/.test(f.message)));
      setError(userMessageFor(e));
    } finally {
      setBusy(false);
    }
  };

  if (existing.isPending || existing.data) return <LoadingState label="Opening the group note" />;
  const a = appointment.data;
  const groupId = a?.group?.id;
  return (
    <>
      <PageHeader
        title="New group note"
        description={a?.group ? `${a.group.name} · ${formatLocalDateTime(a.start)}` : 'The note of one group session.'}
      />
      <QueryError query={existing} mb="md" />
      <QueryError query={templates} mb="md" />
      <Card maw={640}>
        <Stack gap="sm">
          <Text>
            The shared sections are written once for the session; each member marked present gets their own note with
            the individual sections, signed together at the end.
          </Text>
          <FormError message={error} />
          {attendanceNeeded && groupId ? (
            <Anchor component={Link} to={`/groups/${groupId}/sessions/${appointmentId}`}>
              Take attendance for this session
            </Anchor>
          ) : null}
          {templates.isPending ? (
            <LoadingState label="Loading templates" />
          ) : groupTemplates.length === 0 && templates.data ? (
            <EmptyState
              icon={<IconNotes size={22} />}
              title="No group template is available"
              description="Ask a practice administrator to activate the built-in group therapy template or the practice’s own."
            />
          ) : (
            <Select
              label="Template"
              required
              placeholder="Choose a group template"
              value={templateId}
              onChange={setChosen}
              data={groupTemplates.map((t) => ({ value: t.id, label: t.name }))}
              allowDeselect={false}
              data-testid="group-note-template"
            />
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={() => navigate(-1)}>
              Cancel
            </Button>
            <Button onClick={() => void start()} loading={busy} disabled={!templateId} data-testid="group-note-start">
              Start group note
            </Button>
          </Group>
        </Stack>
      </Card>
    </>
  );
}
