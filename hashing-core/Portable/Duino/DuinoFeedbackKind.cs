namespace IotMinerAgent.Hashing.Duino
{
    /// <summary>The pool's word for a submitted result (the first field of its feedback line).</summary>
    public enum DuinoFeedbackKind
    {
        /// <summary><c>GOOD</c>: the result is right and credited.</summary>
        Good = 0,

        /// <summary><c>BLOCK</c>: the result is right and also found a Duino-Coin block.</summary>
        Block = 1,

        /// <summary><c>BAD,&lt;reason&gt;</c>: refused; the reason says why.</summary>
        Bad = 2,
    }
}
