using System;

namespace IotMinerAgent.Hashing
{
    /// <summary>PBKDF2 (RFC 8018 §5.2) with HMAC-SHA256 as the pseudorandom function; scrypt uses it with one iteration.</summary>
    public static class Pbkdf2Sha256
    {
        /// <summary>Derives <paramref name="length"/> bytes from <paramref name="password"/> and <paramref name="salt"/>.</summary>
        public static byte[] Derive(byte[] password, byte[] salt, int iterations, int length)
        {
            if (password == null)
            {
                throw new ArgumentNullException("password", "A password is required (it may be empty).");
            }

            return Derive(new HmacSha256(password), salt, iterations, length);
        }

        /// <summary>Derives <paramref name="length"/> bytes with an HMAC already keyed with the password.</summary>
        public static byte[] Derive(HmacSha256 mac, byte[] salt, int iterations, int length)
        {
            if (mac == null)
            {
                throw new ArgumentNullException("mac", "A keyed HMAC is required.");
            }

            if (salt == null)
            {
                throw new ArgumentNullException("salt", "A salt is required (it may be empty).");
            }

            if (iterations < 1)
            {
                throw new ArgumentOutOfRangeException("iterations", "PBKDF2 needs at least one iteration.");
            }

            if (length < 0)
            {
                throw new ArgumentOutOfRangeException("length", "The derived key length cannot be negative.");
            }

            // T_i = U_1 ^ ... ^ U_c with U_1 = PRF(P, S || INT(i)) and U_k = PRF(P, U_{k-1}) (RFC 8018 §5.2 step 3).
            byte[] derived = new byte[length];
            byte[] message = new byte[salt.Length + 4];
            Array.Copy(salt, message, salt.Length);
            uint blockIndex = 1;
            for (int done = 0; done < length; done += HmacSha256.MacSize, blockIndex++)
            {
                Sha256.WriteBigEndian(message, salt.Length, blockIndex);
                byte[] u = mac.Compute(message);
                byte[] t = u;
                for (int k = 1; k < iterations; k++)
                {
                    u = mac.Compute(u);
                    t = Xor(t, u);
                }

                int take = length - done < HmacSha256.MacSize ? length - done : HmacSha256.MacSize;
                Array.Copy(t, 0, derived, done, take);
            }

            return derived;
        }

        private static byte[] Xor(byte[] a, byte[] b)
        {
            byte[] result = new byte[a.Length];
            for (int i = 0; i < a.Length; i++)
            {
                result[i] = (byte)(a[i] ^ b[i]);
            }

            return result;
        }
    }
}
