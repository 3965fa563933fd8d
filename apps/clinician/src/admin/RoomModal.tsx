import { ZRoomInput } from '@hearth/contracts';
import { FormActions, FormError } from '@hearth/ui';
import { Modal, NumberInput, Stack, Switch, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useQueryClient } from '@tanstack/react-query';
import { createRoom, updateRoom } from '../api/practice';
import type { TRoom } from '../api/types';
import { useFormSubmit } from '../lib/useFormSubmit';

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
  const form = useForm({
    initialValues: {
      name: room?.name ?? '',
      capacity: (room?.capacity ?? 1) as number | string,
      active: room?.active ?? true,
    },
  });

  const { onSubmit, general } = useFormSubmit(form, {
    toRequest: (v) => ({
      name: v.name.trim(),
      capacity: v.capacity === '' ? undefined : Number(v.capacity),
      active: v.active,
    }),
    schema: ZRoomInput,
    save: async (req) => {
      if (room) await updateRoom(room.id, req);
      else await createRoom(locationId, req);
      await queryClient.invalidateQueries({ queryKey: ['locations'] });
      onDone();
    },
  });

  return (
    <form onSubmit={onSubmit} noValidate>
      <Stack gap="sm">
        <FormError message={general} />
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
        <FormActions
          onCancel={onDone}
          submitLabel={room ? 'Save room' : 'Add room'}
          loading={form.submitting}
        />
      </Stack>
    </form>
  );
}
