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
