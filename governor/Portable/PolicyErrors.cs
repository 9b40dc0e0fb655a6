using System;

namespace IotMinerAgent.Governor
{
    /// <summary>Collects validation messages into a growable array (nanoFramework has no List&lt;T&gt;).</summary>
    internal sealed class PolicyErrors
    {
        private string[] _messages = new string[4];
        private int _count;

        /// <summary>Appends a message.</summary>
        public void Add(string message)
        {
            if (_count == _messages.Length)
            {
                string[] larger = new string[_messages.Length * 2];
                Array.Copy(_messages, larger, _count);
                _messages = larger;
            }

            _messages[_count++] = message;
        }

        /// <summary>The messages in the order they were added.</summary>
        public string[] ToArray()
        {
            string[] copy = new string[_count];
            Array.Copy(_messages, copy, _count);
            return copy;
        }
    }
}
