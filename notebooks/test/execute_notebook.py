"""Runs a notebook's code cells in order on a Jupyter kernel and writes the notebook with outputs.

    python3 execute_notebook.py NOTEBOOK OUTPUT [KERNEL_NAME]

The kernel starts in the notebook's folder, as Jupyter starts it, so `@mg/*` imports resolve through
that folder's package.json and node_modules. Running stops at the first cell that fails.

Why not nbclient: Deno's kernel (2.9) can publish a cell's result or printed text just after the
cell's `idle` status, and may even address late text to the request that follows. nbclient takes
`idle` as the end of a cell, so outputs would go missing at random. Here each cell is followed by
a silent empty request (a fence), and the cell ends when the fence has been answered; everything the
kernel publishes for either request belongs to the cell. Messages are matched to cells by their
parent request, so one that arrives even later still finds its cell.
"""

import json
import os
import queue
import sys
import time

from jupyter_client.manager import start_new_kernel

CELL_TIMEOUT = 300  # seconds; the longest cell trains a model
KERNEL_STARTS = 3  # attempts; see start_kernel


def main(source, target, kernel_name="deno"):
    with open(source, encoding="utf-8") as file:
        notebook = json.load(file)
    folder = os.path.dirname(os.path.abspath(source))
    manager, client = start_kernel(kernel_name, folder)
    try:
        iopub = IOPub(client)
        iopub.wait_until_connected()
        for cell in (cell for cell in notebook["cells"] if cell["cell_type"] == "code"):
            cell["outputs"] = []
            request = client.execute(source_of(cell), store_history=True, stop_on_error=True)
            iopub.owner[request] = cell
            reply = shell_reply(client, request, iopub)
            fence = client.execute("", silent=True, store_history=False)
            iopub.owner[fence] = cell
            shell_reply(client, fence, iopub)
            iopub.collect_until_idle(fence)
            cell["execution_count"] = reply["content"].get("execution_count")
            if reply["content"]["status"] != "ok":
                break
        iopub.collect(quiet_for=0.5)
    finally:
        client.stop_channels()
        manager.shutdown_kernel(now=True)
    with open(target, "w", encoding="utf-8") as file:
        json.dump(notebook, file, indent=1, ensure_ascii=False)
        file.write("\n")


def start_kernel(kernel_name, folder):
    """Starts the kernel, and again if it dies before it answers: jupyter_client picks free ports
    and the kernel binds them a moment later, so another process started in between (the tests of
    other packages run side by side) can take one, and Deno stops with AddrInUse."""
    for attempt in range(KERNEL_STARTS):
        try:
            return start_new_kernel(kernel_name=kernel_name, cwd=folder, startup_timeout=120)
        except RuntimeError:
            if attempt == KERNEL_STARTS - 1:
                raise
            print(f"kernel died at start; attempt {attempt + 2} of {KERNEL_STARTS}", file=sys.stderr)


def source_of(cell):
    source = cell["source"]
    return source if isinstance(source, str) else "".join(source)


def shell_reply(client, request, iopub):
    deadline = time.monotonic() + CELL_TIMEOUT
    while time.monotonic() < deadline:
        iopub.collect(quiet_for=0)
        try:
            message = client.get_shell_msg(timeout=0.1)
        except queue.Empty:
            continue
        if message["parent_header"].get("msg_id") == request:
            return message
    raise TimeoutError(f"no reply from the kernel within {CELL_TIMEOUT} s")


class IOPub:
    """Files the kernel's IOPub messages under the cells whose requests they answer."""

    def __init__(self, client):
        self.client = client
        self.owner = {}  # request id -> cell
        self.idle = set()  # request ids whose idle status has arrived

    def wait_until_connected(self):
        """A kernel's first messages are lost until the subscription is in place: wait for it."""
        for _ in range(100):
            request = self.client.kernel_info()
            deadline = time.monotonic() + 0.5
            while time.monotonic() < deadline and request not in self.idle:
                self.collect(quiet_for=0.1)
            if request in self.idle:
                return
        raise RuntimeError("the kernel started but never published anything on IOPub")

    def collect(self, quiet_for):
        """Takes messages until none arrives for `quiet_for` seconds."""
        while True:
            try:
                message = self.client.get_iopub_msg(timeout=quiet_for)
            except queue.Empty:
                return
            parent = message["parent_header"].get("msg_id")
            if message["msg_type"] == "status" and message["content"]["execution_state"] == "idle":
                self.idle.add(parent)
            elif parent in self.owner:
                add_output(self.owner[parent], message)

    def collect_until_idle(self, request):
        deadline = time.monotonic() + CELL_TIMEOUT
        while request not in self.idle:
            if time.monotonic() > deadline:
                raise TimeoutError(f"the kernel did not finish a cell within {CELL_TIMEOUT} s")
            self.collect(quiet_for=0.1)


def add_output(cell, message):
    kind, content = message["msg_type"], message["content"]
    outputs = cell["outputs"]
    if kind == "stream":
        last = outputs[-1] if outputs else None
        if last and last["output_type"] == "stream" and last["name"] == content["name"]:
            last["text"] += content["text"]
        else:
            outputs.append({"output_type": "stream", "name": content["name"], "text": content["text"]})
    elif kind == "execute_result":
        outputs.append(
            {
                "output_type": "execute_result",
                "execution_count": content.get("execution_count"),
                "data": content["data"],
                "metadata": content.get("metadata", {}),
            }
        )
    elif kind == "display_data":
        outputs.append(
            {"output_type": "display_data", "data": content["data"], "metadata": content.get("metadata", {})}
        )
    elif kind == "error":
        outputs.append(
            {
                "output_type": "error",
                "ename": content["ename"],
                "evalue": content["evalue"],
                "traceback": content["traceback"],
            }
        )
    elif kind == "clear_output":
        outputs.clear()


if __name__ == "__main__":
    main(*sys.argv[1:])
