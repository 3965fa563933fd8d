import { ZRoomInput } from '@hearth/contracts';
import { Alert, Button, Group, Modal, NumberInput, Stack, Switch, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { createRoom, updateRoom } from '../api/practice';
import type { TRoom } from '../api/types';
import { issuesToErrors, pathExistsIn, splitApiError } from '../lib/form-errors';

interface Props {
  opened: boolean;
  onClose: () => void;
  locationId: string;
  locationName: string;
  room?: TRoom;
}

export function RoomModal({ opened, onClose, locationId, locationName, room }: Props) {
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={room ? `Edit room at ${locationName}` : `Add room to ${locationName}`}
    >
      {opened ? <RoomForm locationId={locationId} room={room} onDone={onClose} /> : null}
    </Modal>
  );
}

function RoomForm({ locationId, room, onDone }: { locationId: string; room?: TRoom; onDone: () => void }) {
  const queryClient = useQueryClient();
  const [general, setGeneral] = useState<string | null>(null);
  const form = useForm({
    initialValues: {
      name: room?.name ?? '',
      capacity: (room?.capacity ?? 1) as number | string,
      active: room?.active ?? true,
    },
  });

  const submit = form.onSubmit(async (v) => {
    setGeneral(null);
    const req = {
      name: v.name.trim(),
      capacity: v.capacity === '' ? undefined : Number(v.capacity),
      active: v.active,
    };
    const parsed = ZRoomInput.safeParse(req);
    if (!parsed.success) {
      form.setErrors(issuesToErrors(parsed.error.issues));
      return;
    }
    try {
      if (room) await updateRoom(room.id, req);
      else await createRoom(locationId, req);
      await queryClient.invalidateQueries({ queryKey: ['locations'] });
      onDone();
    } catch (e) {
      const { fieldErrors, general: g } = splitApiError(e, pathExistsIn(v));
      form.setErrors(fieldErrors);
      setGeneral(g);
    }
  });

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        {general ? (
          <Alert color="red" role="alert">
            {general}
          </Alert>
        ) : null}
        <TextInput label="Room name" required data-autofocus {...form.getInputProps('name')} />
        <NumberInput
          label="Capacity (people)"
          min={1}
          max={500}
          allowDecimal={false}
          {...form.getInputProps('capacity')}
        />
        <Switch
          label="Active (available for booking)"
          {...form.getInputProps('active', { type: 'checkbox' })}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            Cancel
          </Button>
          <Button type="submit" loading={form.submitting}>
            {room ? 'Save room' : 'Add room'}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
