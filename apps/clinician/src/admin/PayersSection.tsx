import { ZPayerInput } from '@hearth/contracts';
import { EmptyState, LoadingState, StatusBadge } from '@hearth/ui';
import { Alert, Button, Card, Group, Modal, Select, Stack, Table, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useDisclosure } from '@mantine/hooks';
import { IconPlus } from '@tabler/icons-react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { userMessageFor } from '../api/client';
import { createPayer, listPayers } from '../api/practice';
import { issuesToErrors, pathExistsIn, splitApiError } from '../lib/form-errors';
import { humanize } from '../lib/format';

const KIND_OPTIONS = ['commercial', 'medicare', 'medicaid', 'tricare', 'self_pay', 'other'].map((k) => ({
  value: k,
  label: k === 'tricare' ? 'TRICARE' : humanize(k),
}));

/** Insurance payers the practice bills; patient coverage picks from this list. */
export function PayersSection() {
  const query = useQuery({ queryKey: ['payers'], queryFn: listPayers });
  const [opened, modal] = useDisclosure(false);

  return (
    <Card component="section" aria-labelledby="payers-heading">
      <Group justify="space-between" mb="sm">
        <Title order={2} id="payers-heading">
          Payers
        </Title>
        <Button leftSection={<IconPlus size={16} aria-hidden="true" />} onClick={modal.open}>
          Add payer
        </Button>
      </Group>
      {query.isPending ? <LoadingState label="Loading payers" /> : null}
      {query.isError ? <Alert color="red">{userMessageFor(query.error)}</Alert> : null}
      {query.data && query.data.length === 0 ? (
        <EmptyState
          title="No payers yet"
          description="Add the insurance companies you bill so coverage can be recorded on patients."
        />
      ) : null}
      {query.data && query.data.length > 0 ? (
        <Table.ScrollContainer minWidth={480}>
          <Table aria-label="Payers">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Name</Table.Th>
                <Table.Th>Payer ID</Table.Th>
                <Table.Th>Kind</Table.Th>
                <Table.Th>Status</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {query.data.map((p) => (
                <Table.Tr key={p.id}>
                  <Table.Td>{p.name}</Table.Td>
                  <Table.Td>{p.payerCode}</Table.Td>
                  <Table.Td>{KIND_OPTIONS.find((k) => k.value === p.kind)?.label ?? p.kind}</Table.Td>
                  <Table.Td>
                    <StatusBadge
                      label={p.active ? 'Active' : 'Inactive'}
                      tone={p.active ? 'positive' : 'neutral'}
                    />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      ) : null}
      <Modal opened={opened} onClose={modal.close} title="Add payer">
        {opened ? <PayerForm onDone={modal.close} /> : null}
      </Modal>
    </Card>
  );
}

function PayerForm({ onDone }: { onDone: () => void }) {
  const queryClient = useQueryClient();
  const [general, setGeneral] = useState<string | null>(null);
  const form = useForm({ initialValues: { name: '', payerCode: '', kind: 'commercial' } });

  const submit = form.onSubmit(async (v) => {
    setGeneral(null);
    const req = { name: v.name.trim(), payerCode: v.payerCode.trim(), kind: v.kind as 'commercial' };
    const parsed = ZPayerInput.safeParse(req);
    if (!parsed.success) {
      form.setErrors(issuesToErrors(parsed.error.issues));
      return;
    }
    try {
      await createPayer(req);
      await queryClient.invalidateQueries({ queryKey: ['payers'] });
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
        <TextInput label="Payer name" required data-autofocus {...form.getInputProps('name')} />
        <TextInput
          label="Payer ID"
          description="The clearinghouse payer ID, 2–15 letters or digits"
          required
          {...form.getInputProps('payerCode')}
        />
        <Select label="Kind" data={KIND_OPTIONS} allowDeselect={false} {...form.getInputProps('kind')} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            Cancel
          </Button>
          <Button type="submit" loading={form.submitting}>
            Add payer
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
