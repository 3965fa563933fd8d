import type {
  ZAdminSession,
  ZApiToken,
  ZApiTokenInput,
  ZCreatedApiToken,
  ZCreateStaffResponse,
  ZLocationInput,
  ZMfaEnrollConfirmResponse,
  ZMfaEnrollStartResponse,
  ZPayerInput,
  ZRole,
  ZRoom,
  ZRoomInput,
  ZSignInResponse,
  ZUpdatePracticeRequest,
  ZUpdateStaffRequest,
} from '@hearth/contracts';

/** The output type of a contract schema, without importing zod into the app. */
type Out<S extends { parse: (v: unknown) => unknown }> = ReturnType<S['parse']>;

export type TSignInResponse = Out<typeof ZSignInResponse>;
export type TMfaEnrollStart = Out<typeof ZMfaEnrollStartResponse>;
export type TMfaEnrollConfirm = Out<typeof ZMfaEnrollConfirmResponse>;
export type TRole = Out<typeof ZRole>;
export type TRoom = Out<typeof ZRoom>;
export type TRoomInput = Out<typeof ZRoomInput>;
export type TLocationInput = Out<typeof ZLocationInput>;
export type TPayerInput = Out<typeof ZPayerInput>;
export type TUpdatePracticeRequest = Out<typeof ZUpdatePracticeRequest>;
export type TUpdateStaffRequest = Out<typeof ZUpdateStaffRequest>;
export type TCreateStaffResponse = Out<typeof ZCreateStaffResponse>;
export type TAdminSession = Out<typeof ZAdminSession>;
export type TApiToken = Out<typeof ZApiToken>;
export type TApiTokenInput = Out<typeof ZApiTokenInput>;
export type TCreatedApiToken = Out<typeof ZCreatedApiToken>;

export interface TPageOf<T> {
  items: T[];
  page: number;
  pageSize: number;
  total: number;
}

export interface TServiceAccount {
  id: string;
  name: string;
  createdAt: string;
}

export interface TAuditVerify {
  ok: boolean;
  checked: number;
  brokenAtSeq?: number;
}

export interface TMailSummary {
  id: string;
  to: string;
  subject: string;
  date: string;
}
export interface TMailMessage extends TMailSummary {
  text: string;
  html?: string;
}
