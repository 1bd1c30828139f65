// Shapes of the auth API: the server's own types.
export type {
  EnrolResponse,
  LoginResponse,
  Role,
  SessionResponse,
  SessionUser,
} from '@probity/server';
