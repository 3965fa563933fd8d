import {
  ZCreateStaffRequest,
  ZLicenseType,
  ZUpdateStaffRequest,
  type TCreateStaffRequest,
  type TStaff,
} from '@hearth/contracts';
import { FormActions, FormError } from '@hearth/ui';
import { Modal, MultiSelect, Select, SimpleGrid, Stack, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { createStaff, listRoles, listStaff, updateStaff } from '../api/staff';
import { staffDisplayName, US_STATES } from '../lib/format';
import { useFormSubmit } from '../lib/useFormSubmit';

interface Props {
  opened: boolean;
  onClose: () => void;
  staff?: TStaff;
}

export function StaffFormModal({ opened, onClose, staff }: Props) {
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={staff ? 'Edit staff member' : 'Add staff member'}
      size="xl"
    >
      {opened ? <StaffForm staff={staff} onDone={onClose} /> : null}
    </Modal>
  );
}

const opt = (v: string) => (v.trim() ? v.trim() : undefined);

function StaffForm({ staff, onDone }: { staff?: TStaff; onDone: () => void }) {
  const queryClient = useQueryClient();
  const roles = useQuery({ queryKey: ['roles'], queryFn: listRoles, staleTime: 5 * 60_000 });
  const supervisors = useQuery({
    queryKey: ['staff', 'supervisors'],
    queryFn: () => listStaff({ role: 'supervisor', active: 'true', pageSize: 100 }),
    staleTime: 60_000,
  });

  const form = useForm({
    initialValues: {
      email: staff?.email ?? '',
      firstName: staff?.firstName ?? '',
      lastName: staff?.lastName ?? '',
      credentials: staff?.credentials ?? '',
      licenseType: staff?.licenseType ?? '',
      licenseNumber: staff?.licenseNumber ?? '',
      licenseState: staff?.licenseState ?? '',
      npi: staff?.npi ?? '',
      taxonomyCode: staff?.taxonomyCode ?? '',
      supervisorId: staff?.supervisorId ?? '',
      roles: (staff?.roles ?? []) as string[],
    },
  });
  type V = typeof form.values;

  const toRequest = (v: V) =>
    ({
      email: v.email.trim(),
      firstName: v.firstName.trim(),
      lastName: v.lastName.trim(),
      credentials: opt(v.credentials),
      licenseType: v.licenseType || undefined,
      licenseNumber: opt(v.licenseNumber),
      licenseState: v.licenseState || undefined,
      npi: opt(v.npi),
      taxonomyCode: opt(v.taxonomyCode.toUpperCase()),
      supervisorId: v.supervisorId || (staff ? null : undefined),
      roles: v.roles,
    }) as TCreateStaffRequest;

  const { onSubmit, general } = useFormSubmit(form, {
    toRequest,
    schema: staff ? ZUpdateStaffRequest : ZCreateStaffRequest,
    save: async (req) => {
      if (staff) {
        await updateStaff(staff.id, req);
        notifications.show({
          color: 'teal',
          title: 'Saved',
          message: `${req.firstName} ${req.lastName} was updated.`,
        });
      } else {
        const res = await createStaff(req);
        notifications.show(
          res.inviteSent
            ? {
                color: 'teal',
                title: 'Account created',
                message: `An invitation to set a password was e-mailed to ${res.staff.email}.`,
              }
            : {
                color: 'yellow',
                title: 'Account created',
                message: 'The invitation e-mail could not be sent. Use “Reset password” later.',
              },
        );
      }
      await queryClient.invalidateQueries({ queryKey: ['staff'] });
      onDone();
    },
  });

  const supervisorOptions = (supervisors.data?.items ?? [])
    .filter((s) => s.id !== staff?.id)
    .map((s) => ({ value: s.id, label: staffDisplayName(s) }));
  if (
    staff?.supervisorId &&
    staff.supervisorName &&
    !supervisorOptions.some((o) => o.value === staff.supervisorId)
  ) {
    supervisorOptions.push({ value: staff.supervisorId, label: staff.supervisorName });
  }

  return (
    <form onSubmit={onSubmit} noValidate aria-label={staff ? 'Edit staff member' : 'Add staff member'}>
      <Stack gap="sm">
        <FormError message={general} />
        <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
          <TextInput label="First name" required data-autofocus {...form.getInputProps('firstName')} />
          <TextInput label="Last name" required {...form.getInputProps('lastName')} />
          <TextInput
            label="Credentials"
            placeholder="e.g. LCSW, PhD"
            {...form.getInputProps('credentials')}
          />
          <TextInput label="Work email" type="email" required {...form.getInputProps('email')} />
        </SimpleGrid>
        <MultiSelect
          label="Roles"
          description="What this person may do. Admins and prescribers must use two-step verification."
          required
          data={(roles.data ?? []).map((r) => ({ value: r.key, label: r.name }))}
          placeholder={roles.isPending ? 'Loading roles…' : 'Choose one or more'}
          {...form.getInputProps('roles')}
        />
        <Select
          label="Clinical supervisor"
          description="For associates and interns whose notes need co-signing"
          data={supervisorOptions}
          clearable
          searchable
          placeholder="None"
          {...form.getInputProps('supervisorId')}
        />
        <Title order={3} mt="xs">
          License and billing identifiers
        </Title>
        <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
          <Select
            label="License type"
            data={ZLicenseType.options}
            clearable
            searchable
            placeholder="None"
            {...form.getInputProps('licenseType')}
          />
          <TextInput label="License number" {...form.getInputProps('licenseNumber')} />
          <Select
            label="License state"
            data={US_STATES}
            clearable
            searchable
            placeholder="None"
            {...form.getInputProps('licenseState')}
          />
          <TextInput label="Individual NPI" description="10 digits" {...form.getInputProps('npi')} />
          <TextInput
            label="Taxonomy code"
            description="e.g. 101YP2500X"
            {...form.getInputProps('taxonomyCode')}
          />
        </SimpleGrid>
        <FormActions
          onCancel={onDone}
          submitLabel={staff ? 'Save changes' : 'Create and send invitation'}
          loading={form.submitting}
        />
      </Stack>
    </form>
  );
}
