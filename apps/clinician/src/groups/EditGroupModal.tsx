import type { TGroup } from '@hearth/contracts';
import { FormActions, FormError } from '@hearth/ui';
import {
  Alert,
  Modal,
  MultiSelect,
  NumberInput,
  Select,
  SimpleGrid,
  Stack,
  TextInput,
  Textarea,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { ApiError, userMessageFor } from '../api/client';
import { updateGroup, useRefreshGroups } from '../api/groups';
import { conflictsOf, useClinicians, useLocations, type OccurrenceConflict } from '../api/scheduling';
import { staffDisplayName } from '../lib/format';
import { ConflictList } from '../scheduling/ConflictList';

interface Props {
  group: TGroup;
  opened: boolean;
  onClose: () => void;
}

/** Name, description, capacity, room and facilitators. A new room or lead takes over the coming sessions. */
export function EditGroupModal({ group, opened, onClose }: Props) {
  return (
    <Modal opened={opened} onClose={onClose} title="Edit group" size="lg">
      {opened ? <EditForm group={group} onDone={onClose} /> : null}
    </Modal>
  );
}

function EditForm({ group, onDone }: { group: TGroup; onDone: () => void }) {
  const refresh = useRefreshGroups();
  const locations = useLocations();
  const clinicians = useClinicians();
  const [name, setName] = useState(group.name);
  const [description, setDescription] = useState(group.description ?? '');
  const [capacity, setCapacity] = useState<number | ''>(group.capacity);
  const [roomId, setRoomId] = useState(group.room?.id ?? '');
  const [facilitatorIds, setFacilitatorIds] = useState(group.facilitators.map((f) => f.id));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [general, setGeneral] = useState<string | null>(null);
  const [conflicts, setConflicts] = useState<OccurrenceConflict[] | null>(null);
  const [saving, setSaving] = useState(false);
  const ended = group.status === 'ended';

  const rooms = (locations.data?.find((l) => l.id === group.location.id)?.rooms ?? []).filter(
    (r) => r.active || r.id === roomId,
  );
  // Current facilitators stay choosable even if they no longer show in the directory's clinician list.
  const options = [
    ...(clinicians.data ?? []).map((c) => ({ value: c.id, label: staffDisplayName(c) })),
    ...group.facilitators
      .filter((f) => !clinicians.data?.some((c) => c.id === f.id))
      .map((f) => ({ value: f.id, label: f.name })),
  ];

  const submit = async () => {
    setGeneral(null);
    setConflicts(null);
    const missing: Record<string, string> = {};
    if (!name.trim()) missing.name = 'Give the group a name';
    if (capacity === '' || capacity < 1 || capacity > 100)
      missing.capacity = 'Enter a capacity from 1 to 100';
    if (!facilitatorIds.length) missing.facilitatorIds = 'Choose at least one facilitator';
    setErrors(missing);
    if (Object.keys(missing).length) return;
    setSaving(true);
    try {
      await updateGroup(group.id, {
        name: name.trim(),
        description: description.trim() || null,
        ...(ended ? {} : { capacity: Number(capacity), roomId: roomId || null, facilitatorIds }),
        version: group.version,
      });
      await refresh();
      notifications.show({ color: 'teal', title: 'Saved', message: 'The group was updated.' });
      onDone();
    } catch (e) {
      setConflicts(conflictsOf(e));
      setErrors(
        Object.fromEntries(
          (e instanceof ApiError ? e.fieldErrors : []).map((f) => [
            f.field.replace(/\.\d+$/, ''),
            f.message.charAt(0).toUpperCase() + f.message.slice(1),
          ]),
        ),
      );
      setGeneral(userMessageFor(e));
    } finally {
      setSaving(false);
    }
  };

  return (
    <form
      noValidate
      aria-label="Edit group"
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <Stack gap="sm">
        <FormError message={general} />
        {conflicts ? (
          <Alert color="red" title="Coming sessions would clash">
            <ConflictList items={conflicts} />
          </Alert>
        ) : null}
        <TextInput
          label="Name"
          required
          value={name}
          onChange={(e) => setName(e.currentTarget.value)}
          error={errors.name}
          data-autofocus
        />
        <Textarea
          label="Description"
          autosize
          minRows={2}
          value={description}
          onChange={(e) => setDescription(e.currentTarget.value)}
          error={errors.description}
        />
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <NumberInput
            label="Capacity"
            required
            min={1}
            max={100}
            allowDecimal={false}
            disabled={ended}
            value={capacity}
            onChange={(n) => setCapacity(typeof n === 'number' ? n : n === '' ? '' : Number(n))}
            error={errors.capacity}
          />
          <Select
            label="Room"
            description="For the sessions not yet started"
            placeholder="No room"
            clearable
            disabled={ended}
            data={rooms.map((r) => ({ value: r.id, label: r.name }))}
            value={roomId || null}
            onChange={(v) => setRoomId(v ?? '')}
            error={errors.roomId}
          />
        </SimpleGrid>
        <MultiSelect
          label="Facilitators"
          description="The first one is the lead; a new lead takes over the sessions not yet started"
          required
          searchable
          disabled={ended}
          data={options}
          value={facilitatorIds}
          onChange={setFacilitatorIds}
          error={errors.facilitatorIds}
        />
        <FormActions onCancel={onDone} submitLabel="Save changes" loading={saving} />
      </Stack>
    </form>
  );
}
