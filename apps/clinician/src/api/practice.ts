import type { TLocation, TPayer, TPractice } from '@hearth/contracts';
import { api } from './client';
import type { TLocationInput, TPayerInput, TRoom, TRoomInput, TUpdatePracticeRequest } from './types';

export const getPractice = () => api<TPractice>('/api/practice');
export const updatePractice = (body: TUpdatePracticeRequest) =>
  api<TPractice>('/api/practice', { method: 'PATCH', body });

export const listLocations = () => api<TLocation[]>('/api/locations');
export const createLocation = (body: TLocationInput) =>
  api<TLocation>('/api/locations', { method: 'POST', body });
export const updateLocation = (id: string, body: Partial<TLocationInput>) =>
  api<TLocation>(`/api/locations/${encodeURIComponent(id)}`, { method: 'PATCH', body });
export const createRoom = (locationId: string, body: TRoomInput) =>
  api<TRoom>(`/api/locations/${encodeURIComponent(locationId)}/rooms`, { method: 'POST', body });
export const updateRoom = (id: string, body: Partial<TRoomInput>) =>
  api<TRoom>(`/api/rooms/${encodeURIComponent(id)}`, { method: 'PATCH', body });

export const listPayers = () => api<TPayer[]>('/api/payers');
export const createPayer = (body: TPayerInput) => api<TPayer>('/api/payers', { method: 'POST', body });
