package io.shepherd.runtime.operators;

/** An operator around one user function, which it opens and closes with itself. */
abstract class FunctionOperator<F> extends StreamOperator {
    protected final F function;

    FunctionOperator(OperatorContext context, F function) {
        super(context);
        this.function = function;
    }

    @Override
    public void open() throws Exception {
        openFunction(function);
    }

    @Override
    public void close() throws Exception {
        closeFunction(function);
    }
}
