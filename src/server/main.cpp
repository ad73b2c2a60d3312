#include "server/ServerMain.h"

int main(int argc, char** argv)
{
    return shopdesk::server::serverMain(argc, argv);
}
