import { z } from 'zod';

const noNul = (value: string): boolean => !value.includes('\u0000');

export const loginBody = z.object({
  email: z
    .string({ error: 'Give your e-mail address as text.' })
    .trim()
    .min(1, 'Give your e-mail address.')
    .max(254)
    .refine(noNul, 'The e-mail address contains a NUL character.'),
  password: z
    .string({ error: 'Give your password as text.' })
    .min(1, 'Give your password.')
    .max(1024)
    .refine(noNul, 'The password contains a NUL character.'),
});

export const refreshBody = z.object({
  refreshToken: z.string({ error: 'Give the refresh token as text.' }).min(1, 'Give the refresh token.').max(512),
});

export const setPasswordBody = z.object({
  token: z
    .string({ error: 'Give the token from your invitation link.' })
    .min(1, 'Give the token from your invitation link.')
    .max(128),
  // Length and content are the shared password rule's (passwordViolations), answered with its code.
  password: z
    .string({ error: 'Give the new password as text.' })
    .max(4096)
    .refine(noNul, 'The password contains a NUL character.'),
});

export const invitationBody = z.object({
  token: z.string({ error: 'Give the token from your invitation link.' }).min(1).max(128),
});
