// Model of the nanoFramework.Runtime.Native package (https://github.com/nanoframework/nanoFramework.Runtime.Native,
// nanoFramework.Runtime.Native/GC.cs): the garbage collector call that also reports the free heap.
namespace nanoFramework.Runtime.Native
{
    public static class GC
    {
        public static uint Run(bool compactHeap) => throw null;
    }
}
