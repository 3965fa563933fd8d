import type { TGroupAttendanceSheet } from '@hearth/contracts';
import { EmptyState, FormActions, FormError, LoadingState, PageHeader, StatusBadge } from '@hearth/ui';
import {
  Alert,
  Anchor,
  Breadcrumbs,
  Button,
  Card,
  Checkbox,
  SegmentedControl,
  Stack,
  Table,
  Text,
  TextInput,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconUsers } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { ApiError, userMessageFor } from '../api/client';
import { groupKeys, saveAttendance, useAttendance, useRefreshGroups } from '../api/groups';
import { useCan } from '../auth/session-context';
import { useDocumentTitle } from '../lib/useDocumentTitle';
import { useUnsavedChangesGuard } from '../lib/useUnsavedChangesGuard';
import { AppointmentStatusBadge, statusLabel } from '../scheduling/status';
import { formatLocalDateTime } from '../scheduling/time';
import {
  changedEntries,
  choicesFor,
  draftsFrom,
  formatFee,
  hasFee,
  type AttendanceDraft,
} from './attendance-model';

export function AttendancePage() {
  useDocumentTitle('Attendance');
  const { groupId = '', appointmentId = '' } = useParams();
  const query = useAttendance(appointmentId);
  if (query.isPending) return <LoadingState label="Loading attendance" />;
  if (query.isError) {
    const missing =
      query.error instanceof ApiError && (query.error.status === 404 || query.error.status === 400);
    return (
      <>
        <PageHeader title="Attendance" />
        {missing ? (
          <EmptyState
            title="This group session could not be found"
            action={
              <Button component={Link} to={groupId ? `/groups/${groupId}` : '/groups'}>
                Back to the group
              </Button>
            }
          />
        ) : (
          <Alert color="red" role="alert">
            {userMessageFor(query.error)}
          </Alert>
        )}
      </>
    );
  }
  // A fresh sheet (after saving or reloading) starts a fresh form.
  return <AttendanceForm key={query.dataUpdatedAt} sheet={query.data} />;
}

function AttendanceForm({ sheet }: { sheet: TGroupAttendanceSheet }) {
  const canWrite = useCan('scheduling.write');
  const canDocument = useCan('clinical.write');
  const navigate = useNavigate();
  const qc = useQueryClient();
  const refreshGroups = useRefreshGroups();
  const [drafts, setDrafts] = useState(() => draftsFrom(sheet));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [general, setGeneral] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const changes = changedEntries(sheet, drafts);
  const { prompt, allowNavigation } = useUnsavedChangesGuard(changes.length > 0 && !saving);
  const cancelled = !['scheduled', 'confirmed', 'checked_in', 'in_session', 'completed'].includes(
    sheet.status,
  );
  const editable = canWrite && !cancelled;
  const hidden = sheet.entries.filter((e) => !e.patient).length;

  const set = (patientId: string, patch: Partial<AttendanceDraft>) =>
    setDrafts((d) => ({ ...d, [patientId]: { ...d[patientId]!, ...patch } }));

  const save = async () => {
    setGeneral(null);
    setErrors({});
    if (!changes.length) {
      setGeneral('Nothing has changed yet.');
      return;
    }
    setSaving(true);
    try {
      const saved = await saveAttendance(sheet.appointmentId, { entries: changes });
      allowNavigation();
      qc.setQueryData(groupKeys.attendance(sheet.appointmentId), saved);
      await refreshGroups();
      notifications.show({
        color: 'teal',
        title: 'Attendance saved',
        message: `${changes.length} ${changes.length === 1 ? 'member' : 'members'} updated.`,
      });
    } catch (e) {
      // Errors name entries by their position in what was sent: map them back to members.
      const byMember: Record<string, string> = {};
      for (const fe of e instanceof ApiError ? e.fieldErrors : []) {
        const m = /^entries\.(\d+)\./.exec(fe.field);
        const sent = m ? changes[Number(m[1])] : undefined;
        if (sent) byMember[sent.patientId] ??= fe.message.charAt(0).toUpperCase() + fe.message.slice(1);
      }
      setErrors(byMember);
      setGeneral(userMessageFor(e));
    } finally {
      setSaving(false);
    }
  };

  return (
    <>
      <Breadcrumbs mb="xs">
        <Anchor component={Link} to="/groups">
          Groups
        </Anchor>
        <Anchor component={Link} to={`/groups/${sheet.group.id}`}>
          {sheet.group.name}
        </Anchor>
        <Text>Attendance</Text>
      </Breadcrumbs>
      <PageHeader
        title="Attendance"
        description={`${sheet.group.name} · ${formatLocalDateTime(sheet.start)} (${sheet.timeZone})`}
        actions={
          <>
            <AppointmentStatusBadge status={sheet.status} />
            {canDocument ? (
              // Opens the session's group note, or starts one for the members marked present.
              <Button component={Link} to={`/group-notes/new?appointmentId=${encodeURIComponent(sheet.appointmentId)}`} variant="light" size="xs">
                Group note
              </Button>
            ) : null}
          </>
        }
      />
      <form
        noValidate
        aria-label="Attendance"
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
      >
        <Stack gap="md">
          <FormError message={general} testId="attendance-error" />
          {cancelled ? (
            <Alert color="yellow">
              This session did not take place ({statusLabel(sheet.status).toLowerCase()}): there is no
              attendance to take.
            </Alert>
          ) : null}
          <Card p={0}>
            {sheet.entries.length === 0 ? (
              <EmptyState
                icon={<IconUsers size={22} />}
                title="No one is on the roster for this day"
                description="Members are expected from their enrolment date on. Enrol members on the group's page."
              />
            ) : (
              <Table.ScrollContainer minWidth={760}>
                <Table aria-label="Members" data-testid="attendance-table" verticalSpacing="sm">
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>Member</Table.Th>
                      <Table.Th>Attendance</Table.Th>
                      <Table.Th>Reason</Table.Th>
                      <Table.Th>Fee</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {sheet.entries.map((e) => {
                      if (!e.patient) {
                        return (
                          <Table.Tr key={e.memberId}>
                            <Table.Td>
                              <Text c="dimmed" fs="italic">
                                Not on your caseload
                              </Text>
                            </Table.Td>
                            <Table.Td>
                              <StatusBadge label={statusLabel(e.status)} />
                            </Table.Td>
                            <Table.Td />
                            <Table.Td />
                          </Table.Tr>
                        );
                      }
                      const p = e.patient;
                      const d = drafts[p.id]!;
                      return (
                        <Table.Tr key={e.memberId} data-testid={`attendance-row-${p.id}`}>
                          <Table.Td>
                            <Text fw={500}>{p.name}</Text>
                            <Text size="sm" c="dimmed">
                              MRN {p.mrn}
                            </Text>
                            {errors[p.id] ? (
                              <Text c="red.9" size="sm" role="alert">
                                {errors[p.id]}
                              </Text>
                            ) : null}
                          </Table.Td>
                          <Table.Td>
                            <SegmentedControl
                              aria-label={`Attendance of ${p.name}`}
                              data={choicesFor(e.status)}
                              value={d.status}
                              onChange={(v) => set(p.id, { status: v as AttendanceDraft['status'] })}
                              disabled={!editable}
                              size="sm"
                            />
                          </Table.Td>
                          <Table.Td>
                            <TextInput
                              aria-label={`Reason for ${p.name}`}
                              placeholder={
                                d.status === 'scheduled' || d.status === 'completed'
                                  ? 'Optional'
                                  : 'e.g. Called to cancel'
                              }
                              maxLength={500}
                              value={d.reason}
                              onChange={(ev) => set(p.id, { reason: ev.currentTarget.value })}
                              disabled={!editable}
                            />
                          </Table.Td>
                          <Table.Td>
                            {e.feeCents ? <Text size="sm">{formatFee(e.feeCents)}</Text> : null}
                            {editable &&
                            hasFee(d.status) &&
                            (d.status !== e.status || (e.feeCents ?? 0) > 0) ? (
                              <Checkbox
                                label="Waive fee"
                                checked={d.waiveFee}
                                onChange={(ev) => set(p.id, { waiveFee: ev.currentTarget.checked })}
                              />
                            ) : null}
                          </Table.Td>
                        </Table.Tr>
                      );
                    })}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
            )}
          </Card>
          {hidden ? (
            <Text size="sm" c="dimmed">
              {hidden} {hidden === 1 ? 'member is' : 'members are'} not on your caseload: only the
              facilitators or their own clinicians can record their attendance.
            </Text>
          ) : null}
          {editable && sheet.entries.some((e) => e.patient) ? (
            <FormActions
              onCancel={() => navigate(`/groups/${sheet.group.id}`)}
              cancelLabel="Back to the group"
              submitLabel={changes.length ? `Save attendance (${changes.length})` : 'Save attendance'}
              loading={saving}
              submitTestId="save-attendance"
            />
          ) : null}
        </Stack>
      </form>
      {prompt}
    </>
  );
}
